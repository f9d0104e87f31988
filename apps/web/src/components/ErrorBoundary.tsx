/**
 * Keeps a part of the page that fails to render from taking the rest with it: without a boundary,
 * React removes the whole page on an error, so one note nobody can draw would blank the board for
 * everyone who opens it. The failed part shows `fallback` instead, which is given a way to try
 * again (when what it shows has changed). React reports the error to the console itself.
 */
import { Component, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  readonly fallback: (retry: () => void) => ReactNode
  readonly children: ReactNode
}

interface ErrorBoundaryState {
  readonly failed: boolean
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true }
  }

  private readonly retry = () => this.setState({ failed: false })

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children
  }
}

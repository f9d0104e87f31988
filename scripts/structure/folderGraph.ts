/**
 * The folder-level import graph of a source tree: which top-level folder imports which, read from
 * the relative imports of its non-test modules. The root's own files form the folder '.'.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** An edge's evidence: the importing file and what it imported. */
export interface FolderImport {
  readonly from: string
  readonly to: string
  readonly file: string
  readonly specifier: string
}

const SOURCE = /\.(ts|tsx)$/
const TEST = /\.test\.tsx?$|(^|\/)test-support\.ts$/
// Static imports and re-exports (`from '…'`), side-effect imports and dynamic import().
const RELATIVE_IMPORT =
  /\bfrom\s+['"](\.{1,2}\/[^'"]*)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]*)['"]|\bimport\s+['"](\.{1,2}\/[^'"]*)['"]/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return SOURCE.test(entry.name) && !TEST.test(path) ? [path] : []
  })
}

function folderOf(root: string, path: string): string {
  const parts = relative(root, path).split(sep)
  return parts.length > 1 ? (parts[0] ?? '.') : '.'
}

/** A folder imported by name stands for its index module, inside it. */
function target(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, 'index') : path
}

export function folderImports(rootDir: string): FolderImport[] {
  const root = resolve(rootDir)
  return sourceFiles(root).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)].flatMap((match) => {
      const specifier = match[1] ?? match[2] ?? match[3] ?? ''
      const from = folderOf(root, file)
      const to = folderOf(root, target(resolve(dirname(file), specifier)))
      return from === to ? [] : [{ from, to, file: relative(root, file), specifier }]
    }),
  )
}

/** Every strongly connected set of more than one folder (Tarjan's algorithm): each is a folder cycle. */
export function folderCycles(imports: readonly FolderImport[]): string[][] {
  const next = new Map<string, Set<string>>()
  for (const { from, to } of imports) {
    if (!next.has(from)) next.set(from, new Set())
    next.get(from)?.add(to)
  }
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const cycles: string[][] = []
  const visit = (node: string) => {
    index.set(node, index.size)
    low.set(node, index.get(node) ?? 0)
    stack.push(node)
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0))
      } else if (stack.includes(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const members: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member !== undefined) members.push(member)
    } while (member !== undefined && member !== node)
    if (members.length > 1) cycles.push(members.sort())
  }
  for (const node of next.keys()) if (!index.has(node)) visit(node)
  return cycles
}

/**
 * Imports that run upwards: `layers` lists folders from the top layer down, and a folder may import
 * only from its own layer (cycles are caught apart) or a lower one. A folder in no layer is reported too.
 */
export function upwardImports(imports: readonly FolderImport[], layers: readonly (readonly string[])[]): string[] {
  const layerOf = new Map(layers.flatMap((folders, level) => folders.map((folder) => [folder, level] as const)))
  return imports.flatMap(({ from, to, file, specifier }) => {
    const source = layerOf.get(from)
    const target = layerOf.get(to)
    if (source === undefined) return [`${from}/ is in no layer (${file})`]
    if (target === undefined) return [`${to}/ is in no layer (${file} imports ${specifier})`]
    return target < source ? [`${file} imports ${specifier}: ${to}/ is in a layer above ${from}/`] : []
  })
}

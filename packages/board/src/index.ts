/** Samla's board model: a Yjs schema with validated, transactional operations. No UI, no I/O. */

export {
  BOARD_EXPORT_FORMAT,
  BOARD_EXPORT_VERSION,
  type BoardExport,
  exportBoardJson,
  importBoardJson,
} from './exchange/board-json.js'
export {
  CSV_SEPARATORS,
  type CsvHeaders,
  type CsvMapping,
  type CsvRowError,
  type CsvSeparator,
  type CsvTable,
  exportCsv,
  importPlannedNotes,
  type PlannedNote,
  parseCsv,
  planCsvImport,
} from './exchange/csv.js'
export { isTimeZone, localTime } from './exchange/local-time.js'
export { exportMarkdown, type MarkdownLabels } from './exchange/markdown.js'
export {
  MAX_MERGE_SOURCES,
  type MergeOptions,
  type MergeReport,
  type MergeSource,
  mergeBoards,
  mergedGroupId,
  mergedNoteId,
  mergedRegionId,
} from './exchange/merge.js'
export { REGION_GAP, REGION_HEADER, REGION_PADDING } from './exchange/merge-layout.js'
export {
  type ComparedNote,
  type NoteLanguage,
  normaliseText,
  noteLanguage,
  proposeStacks,
  type Stack,
} from './exchange/near-duplicates.js'
export { type RankedGroup, type RankedNote, rankResults } from './exchange/results.js'
export {
  dismissSourceErasure,
  eraseSource,
  readSourceErasures,
  type SourceErasure,
  watchSourceErasures,
} from './exchange/source-erasure.js'
export {
  applyTemplate,
  type BoardTemplate,
  findTemplate,
  TEMPLATES,
  type TemplateLanguage,
} from './exchange/templates.js'
export { arrangeClusters, FRAME_GAP, makeRoom, settleNotes, type TidyScope, tidyUp } from './model/arrange.js'
export { ballotsInDoc, clearBallotsInDoc } from './model/ballots-in-doc.js'
export {
  BoardCounter,
  type BoardCounts,
  type CountLimits,
  type CountVerdict,
  checkCounts,
  itemCount,
  onlyDeletes,
} from './model/board-counts.js'
export {
  assignToCluster,
  type ClusterSnapshot,
  type CreateClusterInput,
  clusterMembers,
  clusterNoteIds,
  createCluster,
  deleteCluster,
  listClusters,
  mergeClusters,
  moveCluster,
  recolourCluster,
  renameCluster,
  resizeCluster,
  setClusterCollapsed,
} from './model/cluster.js'
export {
  addTime,
  type ControlReader,
  type ControlState,
  closeVote,
  createControlReader,
  PHASES,
  type Phase,
  pauseTimer,
  readControl,
  resetTimer,
  revealPrivateNotes,
  revealVotes,
  setAnonymous,
  setJoinToken,
  setLocked,
  setParticipantsMayCluster,
  setPhase,
  setPrivateMode,
  setResultsOnBoard,
  setTimer,
  startTimer,
  startVote,
  type TimerState,
  timerRemaining,
  type VoteSettings,
} from './model/control.js'
export { skippedEntryCount } from './model/entries.js'
export {
  ALL_COLLECTIONS,
  AUTHOR_FIELDS,
  CLUSTER_FIELDS,
  ENTRY_COLLECTIONS,
  entryIsValid,
  FACILITATOR_COLLECTIONS,
  FACILITATOR_FIELDS,
  type FieldRule,
  fieldIsValid,
  invalidEntries,
  isBoardId,
  isEntryId,
  isNoteOrigin,
  MAX_STACK_SIZE,
  NOTE_FIELDS,
  type NoteOrigin,
  REGION_FIELDS,
  STACK_FIELDS,
} from './model/entry-rules.js'
export { BoardError, type BoardErrorCode, MergeError, type MergeErrorCode } from './model/errors.js'
export {
  COLLAPSED_FRAME,
  EMPTY_FRAME,
  FRAME_HEADER,
  FRAME_PADDING,
  frameAt,
  frameRect,
  frameRoom,
} from './model/frame-layout.js'
export {
  formatJoinCode,
  isJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinCodeFrom,
  normaliseJoinCode,
} from './model/join-code.js'
export * from './model/limits.js'
export { type BoardMeta, initBoard, migrateBoard, readMeta, setBoardTitle } from './model/meta.js'
export {
  type AddNoteInput,
  addNote,
  bringToFront,
  compareStacking,
  deleteNotes,
  listNotes,
  moveNotes,
  type NoteLayout,
  type NoteSnapshot,
  readNote,
  recolourNotes,
  resizeNote,
  setNoteText,
} from './model/note.js'
export { DEFAULT_NOTE_COLOUR, isNoteColour, NOTE_COLOURS, type NoteColour } from './model/palette.js'
export {
  type Box,
  boxesOverlap,
  freeSpot,
  Occupancy,
  PLACEMENT_GAP,
  type Point,
  placeAll,
  type Size,
} from './model/placement.js'
export { type Author, publishPrivateNotes } from './model/private-notes.js'
export { type BoardReader, createBoardReader } from './model/reader.js'
export { listRegions, type RegionSnapshot } from './model/region.js'
export { type BoardRepair, repairBoard } from './model/repair.js'
export { restoreBoard } from './model/restore.js'
export { SCHEMA_VERSION, undoScope } from './model/schema.js'
export {
  type BoardStacks,
  confirmStack,
  dismissStack,
  readStacks,
  removeStack,
  type StackSnapshot,
  stackId,
  type VoteTarget,
  voteTargetOf,
  voteTargets,
} from './model/stack.js'
export { checkUpdate, type UpdateVerdict, type Writer } from './model/update-check.js'
export {
  type Ballot,
  ballotChange,
  countedDots,
  type DotChange,
  type DotRefusal,
  dotsSpent,
  refuseDot,
  type Tally,
  tallyBallots,
  watchVoteTargets,
} from './model/vote.js'

/** Exports of runs as CSV and JSON text (shared by the desktop app and the command line). */
export { csvCell, toCsv, seriesCsv, bandsCsv, kpisCsv, runJson } from './csv';
export type { CsvCell, ExportMeta } from './csv';

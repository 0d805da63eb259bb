import { z } from 'zod';

/** A non-empty column that is not imported, as `{"column":"H","header":"备注"}`. */
export const ignoredColumnSchema = z.object({ column: z.string(), header: z.string() });
export type IgnoredColumn = z.infer<typeof ignoredColumnSchema>;

/** How a field found its column: by the header, by what the column holds, from a remembered or a given mapping. */
export const matchedBySchema = z.enum(['header', 'content', 'remembered', 'given']);

/** Field → 0-based column index (null: do not import this field). Fields left out keep their column. */
export const columnMappingSchema = z.record(z.string().max(40), z.number().int().min(0).max(500).nullable());

/** What a person may correct before a register file (project list, enterprise register) is checked again or imported. */
export const layoutChoiceSchema = z.object({
  sheet: z.string().max(100).optional(),
  mapping: columnMappingSchema.optional(),
  /** The header rows, by Excel row number (first to last), when the ones found are wrong; remembered with the mapping. */
  headerRows: z.array(z.number().int().min(1).max(1000)).min(1).max(6).optional(),
});
export type LayoutChoice = z.infer<typeof layoutChoiceSchema>;

/**
 * How a register file's table was read: its header block, every non-empty column with the field it goes to (or none),
 * the fields an importer knows, and where the mapping came from — what the mapping step shows and lets a person change.
 */
export const importLayoutSchema = z.object({
  sheet: z.string(),
  headerRows: z.array(z.number().int()),
  headerSource: z.enum(['detected', 'given', 'remembered']),
  /** The first rows of the sheet, as text, to choose other header rows from. */
  head: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), label: z.string(), field: z.string().nullable(), matchedBy: matchedBySchema.nullable() })),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  mappingSource: z.enum(['detected', 'remembered', 'given']),
});
export type ImportLayout = z.infer<typeof importLayoutSchema>;

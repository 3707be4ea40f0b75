import a4_2x7 from '../../labels/templates/a4-2x7-99x38.json';
import a4_3x8 from '../../labels/templates/a4-3x8-70x37.json';
import a4_5x13 from '../../labels/templates/a4-5x13-38x21.json';
import roll_40x30 from '../../labels/templates/roll-40x30.json';
import roll_50x30 from '../../labels/templates/roll-50x30.json';
import { labelTemplateSchema, type LabelTemplate } from './template-schema';

/** Every shipped template, validated when the module loads: a bad template fails at start. */
export const LABEL_TEMPLATES: ReadonlyMap<string, LabelTemplate> = new Map(
  [a4_3x8, a4_5x13, a4_2x7, roll_40x30, roll_50x30].map((raw) => {
    const template = labelTemplateSchema.parse(raw);
    return [template.id, template] as const;
  }),
);

export const labelsPerSheet = (t: LabelTemplate) => t.grid.columns * t.grid.rows;

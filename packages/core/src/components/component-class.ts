import { z } from 'zod';

/**
 * Component classes Hemonet reasons about. A product description code (ISBT 128 PDC) maps to one
 * of these through the licensed product table; storage, transport, shelf life and compatibility
 * rules hang off the class.
 */
export const componentClasses = [
  'WHOLE_BLOOD',
  'RED_CELLS',
  'RED_CELLS_IRRADIATED',
  'PLATELETS',
  'PLATELETS_IRRADIATED',
  'PLASMA',
  'PLASMA_THAWED',
  'CRYO',
  'CRYO_THAWED',
] as const;
export const componentClassSchema = z.enum(componentClasses);
export type ComponentClass = z.infer<typeof componentClassSchema>;

/** Compatibility family: which donor→recipient table a class follows. */
export type CompatibilityFamily = 'red-cells' | 'platelets' | 'plasma' | 'cryo';

export const compatibilityFamily = (c: ComponentClass): CompatibilityFamily => {
  switch (c) {
    case 'WHOLE_BLOOD': // whole blood carries red cells: red-cell rules apply (ABO-identical preferred)
    case 'RED_CELLS':
    case 'RED_CELLS_IRRADIATED':
      return 'red-cells';
    case 'PLATELETS':
    case 'PLATELETS_IRRADIATED':
      return 'platelets';
    case 'PLASMA':
    case 'PLASMA_THAWED':
      return 'plasma';
    case 'CRYO':
    case 'CRYO_THAWED':
      return 'cryo';
  }
};

/** ACLED's six event types, in ACLED's order (the API validates corrections against them). */
export const EVENT_TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Protests', 'Riots', 'Strategic developments'] as const;

/** ACLED's sub-event types for each type (ACLED Codebook). */
export const SUB_TYPES: Record<(typeof EVENT_TYPES)[number], readonly string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Violence against civilians': ['Attack', 'Abduction/forced disappearance', 'Sexual violence'],
  'Explosions/Remote violence': ['Air/drone strike', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade', 'Chemical weapon'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};

/** The packs shipped with chibo-monitor, validated once when first loaded. */
import { RulePack } from '../rule-pack.ts';
import { bgThematicResolution } from './bg-thematic-resolution.ts';
import { dieuLe } from './dieu-le.ts';
import { hnDa11 } from './hn-da11.ts';
import { ktQd776 } from './kt-qd776.ts';
import { quality } from './quality.ts';
import { tdExemptions } from './td-exemptions.ts';
import { ybQd18 } from './yb-qd18.ts';

export const ALWAYS_ON_PACK = 'dieu-le';

export const BUILT_IN_PACKS: ReadonlyMap<string, RulePack> = new Map(
  [dieuLe, ybQd18, hnDa11, ktQd776, bgThematicResolution, tdExemptions, quality].map((input) => {
    const pack = RulePack.parse(input);
    return [pack.id, pack];
  }),
);

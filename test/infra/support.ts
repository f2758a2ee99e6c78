/** Synthesis and template helpers for the CDK tests (no bundling: see bundling.test.ts for the one real synth). */
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { assemble, type AssembleOptions } from '../../infra/assemble.ts';
import type { ChiboMonitorStack } from '../../infra/chibo-monitor-stack.ts';

export interface Synthesised {
  stack: ChiboMonitorStack;
  template: Template;
  json: { Resources: Record<string, CfnResourceJson>; Outputs?: Record<string, { Value: unknown }> };
  /** The logical id of a construct's CloudFormation resource (an L2 construct or the L1 itself). */
  id(construct: IConstruct): string;
}

export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export function synthesise(options: AssembleOptions = {}): Synthesised {
  // The nag plugin runs in nag.test.ts and in the bundled synth; here it would only repeat itself.
  const { stack } = assemble({ bundle: false, nag: false, ...options });
  const template = Template.fromStack(stack);
  return {
    stack,
    template,
    json: template.toJSON() as Synthesised['json'],
    id: (construct) => {
      const element = (construct.node.defaultChild ?? construct) as CfnElement;
      return stack.getLogicalId(element);
    },
  };
}

export const ref = (id: string) => ({ Ref: id });
export const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

export function resourcesOfType(s: Synthesised, type: string): Array<[string, CfnResourceJson]> {
  return Object.entries(s.json.Resources).filter(([, r]) => r.Type === type);
}

/** Every logical id a value refers to (Ref, Fn::GetAtt), recursively. */
export function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o['Ref'] === 'string') ids.add(o['Ref']);
    const getAtt = o['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') ids.add(getAtt[0]);
    Object.values(o).forEach(walk);
  };
  walk(value);
  return ids;
}

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
  Sid?: string;
}

export const actionsOf = (statement: Statement): string[] => [statement.Action].flat();

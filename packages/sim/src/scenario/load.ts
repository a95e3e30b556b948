import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@hemonet/core';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';

/** Scenarios shipped with the package (packages/sim/scenarios), found from src/ or dist/. */
export const bundledScenarioDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../scenarios',
);

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A bundled scenario name (`city`) or a path to a JSON/YAML file. */
export const resolveScenarioPath = (nameOrPath: string): string => {
  if (existsSync(nameOrPath)) return resolve(nameOrPath);
  for (const ext of EXTENSIONS) {
    const candidate = join(bundledScenarioDir, `${nameOrPath}${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  throw new DomainError(
    'SCENARIO_NOT_FOUND',
    `no scenario "${nameOrPath}" (not a file, not a bundled name)`,
    {
      scenario: nameOrPath,
    },
  );
};

/** Validate a parsed scenario object; errors name the offending fields. */
export const parseScenario = (input: unknown): Scenario => {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError(
      'SCENARIO_INVALID',
      `invalid scenario: ${z.prettifyError(parsed.error)}`,
      {
        issues: parsed.error.issues,
      },
    );
  }
  if (parsed.data.hospitals.length === 0 && !parsed.data.syntheticHospitals) {
    throw new DomainError(
      'SCENARIO_INVALID',
      'invalid scenario: no hospitals and no syntheticHospitals',
    );
  }
  return parsed.data;
};

export const loadScenario = (nameOrPath: string): Scenario => {
  const path = resolveScenarioPath(nameOrPath);
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new DomainError('SCENARIO_INVALID', `cannot parse ${path}: ${(e as Error).message}`);
  }
  return parseScenario(raw);
};

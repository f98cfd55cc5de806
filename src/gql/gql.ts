/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n": typeof types.CliTrainingStatsDocument,
    "\n  query SmokeStats {\n    trainingStats {\n      totalSamples\n    }\n  }\n": typeof types.SmokeStatsDocument,
};
const documents: Documents = {
    "\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n": types.CliTrainingStatsDocument,
    "\n  query SmokeStats {\n    trainingStats {\n      totalSamples\n    }\n  }\n": types.SmokeStatsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmokeStats {\n    trainingStats {\n      totalSamples\n    }\n  }\n"): (typeof documents)["\n  query SmokeStats {\n    trainingStats {\n      totalSamples\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Platform =
  | 'EBAY'
  | 'FACEBOOK_MARKETPLACE'
  | 'MERCARI'
  | 'WHATNOT';

export type Task =
  | 'CARD_IDENTIFICATION'
  | 'LISTING_GENERATION';

export type Tone =
  | 'CASUAL'
  | 'ENTHUSIASTIC'
  | 'PROFESSIONAL';

export type CliTrainingStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type CliTrainingStatsQuery = { trainingStats: { cardIdentification: number, listingGeneration: number, userCorrections: number, totalSamples: number, lastUpdated: string | null, byPlatformTone: Array<{ platform: Platform, tone: Tone, count: number }>, readiness: Array<{ task: Task, have: number, need: number, recommended: number, ready: boolean, verdict: string }> } };

export type SmokeStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type SmokeStatsQuery = { trainingStats: { totalSamples: number } };


export const CliTrainingStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliTrainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardIdentification"}},{"kind":"Field","name":{"kind":"Name","value":"listingGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userCorrections"}},{"kind":"Field","name":{"kind":"Name","value":"totalSamples"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"byPlatformTone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}}]}}]}}]} as unknown as DocumentNode<CliTrainingStatsQuery, CliTrainingStatsQueryVariables>;
export const SmokeStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmokeStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalSamples"}}]}}]}}]} as unknown as DocumentNode<SmokeStatsQuery, SmokeStatsQueryVariables>;
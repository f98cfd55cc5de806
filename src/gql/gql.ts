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
    "\n  mutation CliSeedScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n    }\n  }\n": typeof types.CliSeedScanDocument,
    "\n  mutation CliSeedCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n    }\n  }\n": typeof types.CliSeedCorrectionDocument,
    "\n  mutation CliSeedListing($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n    }\n  }\n": typeof types.CliSeedListingDocument,
    "\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n": typeof types.CliTrainingStatsDocument,
    "\n  subscription TestStatsChanged {\n    trainingStatsChanged {\n      totalSamples\n    }\n  }\n": typeof types.TestStatsChangedDocument,
    "\n  mutation TestConfirmScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        reviewStatus\n        ocrText\n        imageDescription\n        confidence\n        userId\n        repeatCount\n        contentHash\n        card {\n          player\n          year\n          brand\n          cardNumber\n          variation\n          sport\n          grade\n          gradingCompany\n        }\n      }\n    }\n  }\n": typeof types.TestConfirmScanDocument,
    "\n  mutation TestSubmitCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n      sample {\n        id\n        source\n        correctedFields\n        predictionId\n        originalPrediction {\n          player\n          year\n          grade\n        }\n        card {\n          player\n          year\n        }\n      }\n    }\n  }\n": typeof types.TestSubmitCorrectionDocument,
    "\n  mutation TestAddTrainingSample($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        platform\n        tone\n        listing {\n          title\n          description\n        }\n        card {\n          player\n        }\n      }\n    }\n  }\n": typeof types.TestAddTrainingSampleDocument,
    "\n  mutation TestReviewSamples($input: ReviewSamplesInput!) {\n    reviewSamples(input: $input) {\n      updatedCount\n      notFoundIds\n      samples {\n        id\n        reviewStatus\n        reviewedBy\n        reviewedAt\n        reviewNote\n      }\n    }\n  }\n": typeof types.TestReviewSamplesDocument,
    "\n  query TestSamples($filter: SampleFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    samples(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          task\n          source\n          reviewStatus\n          userId\n          confidence\n          platform\n          tone\n        }\n      }\n    }\n  }\n": typeof types.TestSamplesDocument,
    "\n  query TestSampleById($id: ID!) {\n    sample(id: $id) {\n      id\n      source\n    }\n    node(id: $id) {\n      id\n      ... on Sample {\n        task\n      }\n    }\n  }\n": typeof types.TestSampleByIdDocument,
    "\n  query TestTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n        groups {\n          platform\n          tone\n          have\n          need\n          ready\n        }\n      }\n    }\n  }\n": typeof types.TestTrainingStatsDocument,
    "\n  mutation TestCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        role\n        prefix\n        active\n      }\n    }\n  }\n": typeof types.TestCreateApiKeyDocument,
    "\n  mutation TestRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n": typeof types.TestRevokeApiKeyDocument,
    "\n  query TestApiKeys {\n    apiKeys {\n      id\n      name\n      role\n      prefix\n      active\n    }\n  }\n": typeof types.TestApiKeysDocument,
    "\n  query TestViewer {\n    viewer {\n      id\n      role\n      name\n    }\n  }\n": typeof types.TestViewerDocument,
    "\n  query SmokeStats {\n    trainingStats {\n      totalSamples\n    }\n  }\n": typeof types.SmokeStatsDocument,
};
const documents: Documents = {
    "\n  mutation CliSeedScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n    }\n  }\n": types.CliSeedScanDocument,
    "\n  mutation CliSeedCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n    }\n  }\n": types.CliSeedCorrectionDocument,
    "\n  mutation CliSeedListing($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n    }\n  }\n": types.CliSeedListingDocument,
    "\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n": types.CliTrainingStatsDocument,
    "\n  subscription TestStatsChanged {\n    trainingStatsChanged {\n      totalSamples\n    }\n  }\n": types.TestStatsChangedDocument,
    "\n  mutation TestConfirmScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        reviewStatus\n        ocrText\n        imageDescription\n        confidence\n        userId\n        repeatCount\n        contentHash\n        card {\n          player\n          year\n          brand\n          cardNumber\n          variation\n          sport\n          grade\n          gradingCompany\n        }\n      }\n    }\n  }\n": types.TestConfirmScanDocument,
    "\n  mutation TestSubmitCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n      sample {\n        id\n        source\n        correctedFields\n        predictionId\n        originalPrediction {\n          player\n          year\n          grade\n        }\n        card {\n          player\n          year\n        }\n      }\n    }\n  }\n": types.TestSubmitCorrectionDocument,
    "\n  mutation TestAddTrainingSample($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        platform\n        tone\n        listing {\n          title\n          description\n        }\n        card {\n          player\n        }\n      }\n    }\n  }\n": types.TestAddTrainingSampleDocument,
    "\n  mutation TestReviewSamples($input: ReviewSamplesInput!) {\n    reviewSamples(input: $input) {\n      updatedCount\n      notFoundIds\n      samples {\n        id\n        reviewStatus\n        reviewedBy\n        reviewedAt\n        reviewNote\n      }\n    }\n  }\n": types.TestReviewSamplesDocument,
    "\n  query TestSamples($filter: SampleFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    samples(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          task\n          source\n          reviewStatus\n          userId\n          confidence\n          platform\n          tone\n        }\n      }\n    }\n  }\n": types.TestSamplesDocument,
    "\n  query TestSampleById($id: ID!) {\n    sample(id: $id) {\n      id\n      source\n    }\n    node(id: $id) {\n      id\n      ... on Sample {\n        task\n      }\n    }\n  }\n": types.TestSampleByIdDocument,
    "\n  query TestTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n        groups {\n          platform\n          tone\n          have\n          need\n          ready\n        }\n      }\n    }\n  }\n": types.TestTrainingStatsDocument,
    "\n  mutation TestCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        role\n        prefix\n        active\n      }\n    }\n  }\n": types.TestCreateApiKeyDocument,
    "\n  mutation TestRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n": types.TestRevokeApiKeyDocument,
    "\n  query TestApiKeys {\n    apiKeys {\n      id\n      name\n      role\n      prefix\n      active\n    }\n  }\n": types.TestApiKeysDocument,
    "\n  query TestViewer {\n    viewer {\n      id\n      role\n      name\n    }\n  }\n": types.TestViewerDocument,
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
export function graphql(source: "\n  mutation CliSeedScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n    }\n  }\n"): (typeof documents)["\n  mutation CliSeedScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliSeedCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n    }\n  }\n"): (typeof documents)["\n  mutation CliSeedCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliSeedListing($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n    }\n  }\n"): (typeof documents)["\n  mutation CliSeedListing($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestStatsChanged {\n    trainingStatsChanged {\n      totalSamples\n    }\n  }\n"): (typeof documents)["\n  subscription TestStatsChanged {\n    trainingStatsChanged {\n      totalSamples\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConfirmScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        reviewStatus\n        ocrText\n        imageDescription\n        confidence\n        userId\n        repeatCount\n        contentHash\n        card {\n          player\n          year\n          brand\n          cardNumber\n          variation\n          sport\n          grade\n          gradingCompany\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestConfirmScan($input: ConfirmScanInput!) {\n    confirmScan(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        reviewStatus\n        ocrText\n        imageDescription\n        confidence\n        userId\n        repeatCount\n        contentHash\n        card {\n          player\n          year\n          brand\n          cardNumber\n          variation\n          sport\n          grade\n          gradingCompany\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSubmitCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n      sample {\n        id\n        source\n        correctedFields\n        predictionId\n        originalPrediction {\n          player\n          year\n          grade\n        }\n        card {\n          player\n          year\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestSubmitCorrection($input: SubmitCorrectionInput!) {\n    submitCorrection(input: $input) {\n      duplicate\n      sample {\n        id\n        source\n        correctedFields\n        predictionId\n        originalPrediction {\n          player\n          year\n          grade\n        }\n        card {\n          player\n          year\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAddTrainingSample($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        platform\n        tone\n        listing {\n          title\n          description\n        }\n        card {\n          player\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestAddTrainingSample($input: AddTrainingSampleInput!) {\n    addTrainingSample(input: $input) {\n      duplicate\n      sample {\n        id\n        task\n        source\n        platform\n        tone\n        listing {\n          title\n          description\n        }\n        card {\n          player\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestReviewSamples($input: ReviewSamplesInput!) {\n    reviewSamples(input: $input) {\n      updatedCount\n      notFoundIds\n      samples {\n        id\n        reviewStatus\n        reviewedBy\n        reviewedAt\n        reviewNote\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestReviewSamples($input: ReviewSamplesInput!) {\n    reviewSamples(input: $input) {\n      updatedCount\n      notFoundIds\n      samples {\n        id\n        reviewStatus\n        reviewedBy\n        reviewedAt\n        reviewNote\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSamples($filter: SampleFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    samples(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          task\n          source\n          reviewStatus\n          userId\n          confidence\n          platform\n          tone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestSamples($filter: SampleFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    samples(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          task\n          source\n          reviewStatus\n          userId\n          confidence\n          platform\n          tone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSampleById($id: ID!) {\n    sample(id: $id) {\n      id\n      source\n    }\n    node(id: $id) {\n      id\n      ... on Sample {\n        task\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestSampleById($id: ID!) {\n    sample(id: $id) {\n      id\n      source\n    }\n    node(id: $id) {\n      id\n      ... on Sample {\n        task\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n        groups {\n          platform\n          tone\n          have\n          need\n          ready\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestTrainingStats {\n    trainingStats {\n      cardIdentification\n      listingGeneration\n      userCorrections\n      totalSamples\n      lastUpdated\n      byPlatformTone {\n        platform\n        tone\n        count\n      }\n      readiness {\n        task\n        have\n        need\n        recommended\n        ready\n        verdict\n        groups {\n          platform\n          tone\n          have\n          need\n          ready\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        role\n        prefix\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        role\n        prefix\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation TestRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      active\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestApiKeys {\n    apiKeys {\n      id\n      name\n      role\n      prefix\n      active\n    }\n  }\n"): (typeof documents)["\n  query TestApiKeys {\n    apiKeys {\n      id\n      name\n      role\n      prefix\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestViewer {\n    viewer {\n      id\n      role\n      name\n    }\n  }\n"): (typeof documents)["\n  query TestViewer {\n    viewer {\n      id\n      role\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmokeStats {\n    trainingStats {\n      totalSamples\n    }\n  }\n"): (typeof documents)["\n  query SmokeStats {\n    trainingStats {\n      totalSamples\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
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
    "\n  fragment CliJobFields on FineTuningJob {\n    id\n    providerJobId\n    status\n    providerStatus\n    task\n    baseModel\n    suffix\n    datasetId\n    fineTunedModel\n    trainedTokens\n    costUsd\n    eventCount\n    createdAt\n    finishedAt\n    trainingFile {\n      fileId\n      filename\n      lines\n    }\n    resolvedHyperparameters {\n      nEpochs\n      batchSize\n      learningRateMultiplier\n    }\n    progress {\n      step\n      totalSteps\n      epoch\n      nEpochs\n      trainLoss\n      validLoss\n    }\n    error {\n      code\n      message\n      param\n    }\n    model {\n      id\n      providerModelId\n      stage\n    }\n  }\n": typeof types.CliJobFieldsFragmentDoc,
    "\n  mutation CliUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      filename\n      bytes\n      lines\n      tokens\n      sha256\n      reused\n    }\n  }\n": typeof types.CliUploadTrainingFileDocument,
    "\n  mutation CliCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      ...CliJobFields\n    }\n  }\n": typeof types.CliCreateFineTuningJobDocument,
    "\n  mutation CliStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      ...CliJobFields\n    }\n  }\n": typeof types.CliStartFineTuningDocument,
    "\n  query CliJobStatus($id: ID!) {\n    job(id: $id) {\n      ...CliJobFields\n    }\n  }\n": typeof types.CliJobStatusDocument,
    "\n  subscription CliJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      ...CliJobFields\n    }\n  }\n": typeof types.CliJobUpdatedDocument,
    "\n  query CliListJobs($first: Int, $filter: FineTuningJobFilter) {\n    jobs(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          ...CliJobFields\n        }\n      }\n    }\n  }\n": typeof types.CliListJobsDocument,
    "\n  query CliListModels($first: Int, $filter: ModelFilter) {\n    models(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          trainedTokens\n          costUsd\n          shutdownDate\n          createdAt\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.CliListModelsDocument,
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
    "\n  mutation TestCancelFineTuning($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n": typeof types.TestCancelFineTuningDocument,
    "\n  mutation TestUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      lines\n      reused\n    }\n  }\n": typeof types.TestUploadTrainingFileDocument,
    "\n  mutation TestCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      id\n      status\n      datasetId\n      trainingFile {\n        fileId\n      }\n    }\n  }\n": typeof types.TestCreateFineTuningJobDocument,
    "\n  query TestJobs($filter: FineTuningJobFilter) {\n    jobs(first: 10, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.TestJobsDocument,
    "\n  subscription TestJobUpdatedStatus($id: ID!) {\n    jobUpdated(id: $id) {\n      status\n    }\n  }\n": typeof types.TestJobUpdatedStatusDocument,
    "\n  subscription TestJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      id\n      status\n      progress {\n        step\n        totalSteps\n        epoch\n        nEpochs\n        trainLoss\n      }\n    }\n  }\n": typeof types.TestJobUpdatedDocument,
    "\n  subscription TestJobEvents($jobId: ID!, $after: String) {\n    jobEvents(jobId: $jobId, after: $after) {\n      seq\n      cursor\n      type\n      message\n      metrics {\n        step\n        trainLoss\n        validLoss\n      }\n    }\n  }\n": typeof types.TestJobEventsDocument,
    "\n  query TestJobResult($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      datasetId\n      baseModel\n      suffix\n      fineTunedModel\n      trainedTokens\n      costUsd\n      resolvedHyperparameters {\n        nEpochs\n        batchSize\n      }\n      checkpoints {\n        stepNumber\n        model\n        trainLoss\n      }\n      metrics {\n        step\n        trainLoss\n      }\n      model {\n        id\n      }\n    }\n  }\n": typeof types.TestJobResultDocument,
    "\n  query TestModels($filter: ModelFilter) {\n    models(filter: $filter, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          datasetId\n          trainedTokens\n          costUsd\n          shutdownDate\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.TestModelsDocument,
    "\n  mutation TestCancelFinished($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n    }\n  }\n": typeof types.TestCancelFinishedDocument,
    "\n  mutation TestStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      id\n      status\n      providerJobId\n      trainingFile {\n        fileId\n        sha256\n      }\n    }\n  }\n": typeof types.TestStartFineTuningDocument,
    "\n  query TestJobState($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      providerStatus\n      providerJobId\n      eventCount\n      fineTunedModel\n      trainedTokens\n      costUsd\n      error {\n        code\n        message\n        param\n      }\n    }\n  }\n": typeof types.TestJobStateDocument,
    "\n  query TestJobEventsPage($id: ID!, $after: String) {\n    job(id: $id) {\n      eventCount\n      events(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            seq\n            providerEventId\n            type\n            message\n            metrics {\n              step\n              trainLoss\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TestJobEventsPageDocument,
};
const documents: Documents = {
    "\n  fragment CliJobFields on FineTuningJob {\n    id\n    providerJobId\n    status\n    providerStatus\n    task\n    baseModel\n    suffix\n    datasetId\n    fineTunedModel\n    trainedTokens\n    costUsd\n    eventCount\n    createdAt\n    finishedAt\n    trainingFile {\n      fileId\n      filename\n      lines\n    }\n    resolvedHyperparameters {\n      nEpochs\n      batchSize\n      learningRateMultiplier\n    }\n    progress {\n      step\n      totalSteps\n      epoch\n      nEpochs\n      trainLoss\n      validLoss\n    }\n    error {\n      code\n      message\n      param\n    }\n    model {\n      id\n      providerModelId\n      stage\n    }\n  }\n": types.CliJobFieldsFragmentDoc,
    "\n  mutation CliUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      filename\n      bytes\n      lines\n      tokens\n      sha256\n      reused\n    }\n  }\n": types.CliUploadTrainingFileDocument,
    "\n  mutation CliCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      ...CliJobFields\n    }\n  }\n": types.CliCreateFineTuningJobDocument,
    "\n  mutation CliStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      ...CliJobFields\n    }\n  }\n": types.CliStartFineTuningDocument,
    "\n  query CliJobStatus($id: ID!) {\n    job(id: $id) {\n      ...CliJobFields\n    }\n  }\n": types.CliJobStatusDocument,
    "\n  subscription CliJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      ...CliJobFields\n    }\n  }\n": types.CliJobUpdatedDocument,
    "\n  query CliListJobs($first: Int, $filter: FineTuningJobFilter) {\n    jobs(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          ...CliJobFields\n        }\n      }\n    }\n  }\n": types.CliListJobsDocument,
    "\n  query CliListModels($first: Int, $filter: ModelFilter) {\n    models(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          trainedTokens\n          costUsd\n          shutdownDate\n          createdAt\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.CliListModelsDocument,
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
    "\n  mutation TestCancelFineTuning($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n": types.TestCancelFineTuningDocument,
    "\n  mutation TestUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      lines\n      reused\n    }\n  }\n": types.TestUploadTrainingFileDocument,
    "\n  mutation TestCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      id\n      status\n      datasetId\n      trainingFile {\n        fileId\n      }\n    }\n  }\n": types.TestCreateFineTuningJobDocument,
    "\n  query TestJobs($filter: FineTuningJobFilter) {\n    jobs(first: 10, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.TestJobsDocument,
    "\n  subscription TestJobUpdatedStatus($id: ID!) {\n    jobUpdated(id: $id) {\n      status\n    }\n  }\n": types.TestJobUpdatedStatusDocument,
    "\n  subscription TestJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      id\n      status\n      progress {\n        step\n        totalSteps\n        epoch\n        nEpochs\n        trainLoss\n      }\n    }\n  }\n": types.TestJobUpdatedDocument,
    "\n  subscription TestJobEvents($jobId: ID!, $after: String) {\n    jobEvents(jobId: $jobId, after: $after) {\n      seq\n      cursor\n      type\n      message\n      metrics {\n        step\n        trainLoss\n        validLoss\n      }\n    }\n  }\n": types.TestJobEventsDocument,
    "\n  query TestJobResult($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      datasetId\n      baseModel\n      suffix\n      fineTunedModel\n      trainedTokens\n      costUsd\n      resolvedHyperparameters {\n        nEpochs\n        batchSize\n      }\n      checkpoints {\n        stepNumber\n        model\n        trainLoss\n      }\n      metrics {\n        step\n        trainLoss\n      }\n      model {\n        id\n      }\n    }\n  }\n": types.TestJobResultDocument,
    "\n  query TestModels($filter: ModelFilter) {\n    models(filter: $filter, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          datasetId\n          trainedTokens\n          costUsd\n          shutdownDate\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.TestModelsDocument,
    "\n  mutation TestCancelFinished($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n    }\n  }\n": types.TestCancelFinishedDocument,
    "\n  mutation TestStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      id\n      status\n      providerJobId\n      trainingFile {\n        fileId\n        sha256\n      }\n    }\n  }\n": types.TestStartFineTuningDocument,
    "\n  query TestJobState($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      providerStatus\n      providerJobId\n      eventCount\n      fineTunedModel\n      trainedTokens\n      costUsd\n      error {\n        code\n        message\n        param\n      }\n    }\n  }\n": types.TestJobStateDocument,
    "\n  query TestJobEventsPage($id: ID!, $after: String) {\n    job(id: $id) {\n      eventCount\n      events(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            seq\n            providerEventId\n            type\n            message\n            metrics {\n              step\n              trainLoss\n            }\n          }\n        }\n      }\n    }\n  }\n": types.TestJobEventsPageDocument,
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
export function graphql(source: "\n  fragment CliJobFields on FineTuningJob {\n    id\n    providerJobId\n    status\n    providerStatus\n    task\n    baseModel\n    suffix\n    datasetId\n    fineTunedModel\n    trainedTokens\n    costUsd\n    eventCount\n    createdAt\n    finishedAt\n    trainingFile {\n      fileId\n      filename\n      lines\n    }\n    resolvedHyperparameters {\n      nEpochs\n      batchSize\n      learningRateMultiplier\n    }\n    progress {\n      step\n      totalSteps\n      epoch\n      nEpochs\n      trainLoss\n      validLoss\n    }\n    error {\n      code\n      message\n      param\n    }\n    model {\n      id\n      providerModelId\n      stage\n    }\n  }\n"): (typeof documents)["\n  fragment CliJobFields on FineTuningJob {\n    id\n    providerJobId\n    status\n    providerStatus\n    task\n    baseModel\n    suffix\n    datasetId\n    fineTunedModel\n    trainedTokens\n    costUsd\n    eventCount\n    createdAt\n    finishedAt\n    trainingFile {\n      fileId\n      filename\n      lines\n    }\n    resolvedHyperparameters {\n      nEpochs\n      batchSize\n      learningRateMultiplier\n    }\n    progress {\n      step\n      totalSteps\n      epoch\n      nEpochs\n      trainLoss\n      validLoss\n    }\n    error {\n      code\n      message\n      param\n    }\n    model {\n      id\n      providerModelId\n      stage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      filename\n      bytes\n      lines\n      tokens\n      sha256\n      reused\n    }\n  }\n"): (typeof documents)["\n  mutation CliUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      filename\n      bytes\n      lines\n      tokens\n      sha256\n      reused\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      ...CliJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      ...CliJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      ...CliJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation CliStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      ...CliJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliJobStatus($id: ID!) {\n    job(id: $id) {\n      ...CliJobFields\n    }\n  }\n"): (typeof documents)["\n  query CliJobStatus($id: ID!) {\n    job(id: $id) {\n      ...CliJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      ...CliJobFields\n    }\n  }\n"): (typeof documents)["\n  subscription CliJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      ...CliJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliListJobs($first: Int, $filter: FineTuningJobFilter) {\n    jobs(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          ...CliJobFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliListJobs($first: Int, $filter: FineTuningJobFilter) {\n    jobs(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          ...CliJobFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliListModels($first: Int, $filter: ModelFilter) {\n    models(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          trainedTokens\n          costUsd\n          shutdownDate\n          createdAt\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliListModels($first: Int, $filter: ModelFilter) {\n    models(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          trainedTokens\n          costUsd\n          shutdownDate\n          createdAt\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCancelFineTuning($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n"): (typeof documents)["\n  mutation TestCancelFineTuning($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      lines\n      reused\n    }\n  }\n"): (typeof documents)["\n  mutation TestUploadTrainingFile($input: UploadTrainingFileInput!) {\n    uploadTrainingFile(input: $input) {\n      fileId\n      lines\n      reused\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      id\n      status\n      datasetId\n      trainingFile {\n        fileId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestCreateFineTuningJob($input: CreateFineTuningJobInput!) {\n    createFineTuningJob(input: $input) {\n      id\n      status\n      datasetId\n      trainingFile {\n        fileId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestJobs($filter: FineTuningJobFilter) {\n    jobs(first: 10, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestJobs($filter: FineTuningJobFilter) {\n    jobs(first: 10, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestJobUpdatedStatus($id: ID!) {\n    jobUpdated(id: $id) {\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription TestJobUpdatedStatus($id: ID!) {\n    jobUpdated(id: $id) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      id\n      status\n      progress {\n        step\n        totalSteps\n        epoch\n        nEpochs\n        trainLoss\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TestJobUpdated($id: ID!) {\n    jobUpdated(id: $id) {\n      id\n      status\n      progress {\n        step\n        totalSteps\n        epoch\n        nEpochs\n        trainLoss\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestJobEvents($jobId: ID!, $after: String) {\n    jobEvents(jobId: $jobId, after: $after) {\n      seq\n      cursor\n      type\n      message\n      metrics {\n        step\n        trainLoss\n        validLoss\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TestJobEvents($jobId: ID!, $after: String) {\n    jobEvents(jobId: $jobId, after: $after) {\n      seq\n      cursor\n      type\n      message\n      metrics {\n        step\n        trainLoss\n        validLoss\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestJobResult($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      datasetId\n      baseModel\n      suffix\n      fineTunedModel\n      trainedTokens\n      costUsd\n      resolvedHyperparameters {\n        nEpochs\n        batchSize\n      }\n      checkpoints {\n        stepNumber\n        model\n        trainLoss\n      }\n      metrics {\n        step\n        trainLoss\n      }\n      model {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestJobResult($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      datasetId\n      baseModel\n      suffix\n      fineTunedModel\n      trainedTokens\n      costUsd\n      resolvedHyperparameters {\n        nEpochs\n        batchSize\n      }\n      checkpoints {\n        stepNumber\n        model\n        trainLoss\n      }\n      metrics {\n        step\n        trainLoss\n      }\n      model {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestModels($filter: ModelFilter) {\n    models(filter: $filter, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          datasetId\n          trainedTokens\n          costUsd\n          shutdownDate\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestModels($filter: ModelFilter) {\n    models(filter: $filter, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          providerModelId\n          task\n          stage\n          baseModel\n          datasetId\n          trainedTokens\n          costUsd\n          shutdownDate\n          job {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestCancelFinished($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TestCancelFinished($id: ID!) {\n    cancelFineTuning(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      id\n      status\n      providerJobId\n      trainingFile {\n        fileId\n        sha256\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestStartFineTuning($input: StartFineTuningInput!) {\n    startFineTuning(input: $input) {\n      id\n      status\n      providerJobId\n      trainingFile {\n        fileId\n        sha256\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestJobState($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      providerStatus\n      providerJobId\n      eventCount\n      fineTunedModel\n      trainedTokens\n      costUsd\n      error {\n        code\n        message\n        param\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestJobState($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      providerStatus\n      providerJobId\n      eventCount\n      fineTunedModel\n      trainedTokens\n      costUsd\n      error {\n        code\n        message\n        param\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestJobEventsPage($id: ID!, $after: String) {\n    job(id: $id) {\n      eventCount\n      events(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            seq\n            providerEventId\n            type\n            message\n            metrics {\n              step\n              trainLoss\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestJobEventsPage($id: ID!, $after: String) {\n    job(id: $id) {\n      eventCount\n      events(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            seq\n            providerEventId\n            type\n            message\n            metrics {\n              step\n              trainLoss\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
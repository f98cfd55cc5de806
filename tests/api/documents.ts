import { graphql } from '../../src/gql/index.js';

/** Operations the foundation tests share. */

export const ConfirmScan = graphql(`
  mutation TestConfirmScan($input: ConfirmScanInput!) {
    confirmScan(input: $input) {
      duplicate
      sample {
        id
        task
        source
        reviewStatus
        ocrText
        imageDescription
        confidence
        userId
        repeatCount
        contentHash
        card {
          player
          year
          brand
          cardNumber
          variation
          sport
          grade
          gradingCompany
        }
      }
    }
  }
`);

export const SubmitCorrection = graphql(`
  mutation TestSubmitCorrection($input: SubmitCorrectionInput!) {
    submitCorrection(input: $input) {
      duplicate
      sample {
        id
        source
        correctedFields
        predictionId
        originalPrediction {
          player
          year
          grade
        }
        card {
          player
          year
        }
      }
    }
  }
`);

export const AddTrainingSample = graphql(`
  mutation TestAddTrainingSample($input: AddTrainingSampleInput!) {
    addTrainingSample(input: $input) {
      duplicate
      sample {
        id
        task
        source
        platform
        tone
        listing {
          title
          description
        }
        card {
          player
        }
      }
    }
  }
`);

export const ReviewSamples = graphql(`
  mutation TestReviewSamples($input: ReviewSamplesInput!) {
    reviewSamples(input: $input) {
      updatedCount
      notFoundIds
      samples {
        id
        reviewStatus
        reviewedBy
        reviewedAt
        reviewNote
      }
    }
  }
`);

export const Samples = graphql(`
  query TestSamples($filter: SampleFilter, $first: Int, $after: String, $last: Int, $before: String) {
    samples(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
        startCursor
      }
      edges {
        cursor
        node {
          id
          task
          source
          reviewStatus
          userId
          confidence
          platform
          tone
        }
      }
    }
  }
`);

export const SampleById = graphql(`
  query TestSampleById($id: ID!) {
    sample(id: $id) {
      id
      source
    }
    node(id: $id) {
      id
      ... on Sample {
        task
      }
    }
  }
`);

export const TrainingStats = graphql(`
  query TestTrainingStats {
    trainingStats {
      cardIdentification
      listingGeneration
      userCorrections
      totalSamples
      lastUpdated
      byPlatformTone {
        platform
        tone
        count
      }
      readiness {
        task
        have
        need
        recommended
        ready
        verdict
        groups {
          platform
          tone
          have
          need
          ready
        }
      }
    }
  }
`);

export const CreateApiKey = graphql(`
  mutation TestCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
        role
        prefix
        active
      }
    }
  }
`);

export const RevokeApiKey = graphql(`
  mutation TestRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      active
      revokedAt
    }
  }
`);

export const ApiKeys = graphql(`
  query TestApiKeys {
    apiKeys {
      id
      name
      role
      prefix
      active
    }
  }
`);

export const Viewer = graphql(`
  query TestViewer {
    viewer {
      id
      role
      name
    }
  }
`);

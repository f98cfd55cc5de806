import { graphql } from '../gql/index.js';

/** What the dashboard shows, in one request: the key, sample stats and readiness, recent jobs and models. */
export const DashboardQuery = graphql(`
  query Dashboard {
    viewer {
      name
      role
    }
    trainingStats {
      totalSamples
      userCorrections
      cardIdentification
      listingGeneration
      lastUpdated
      readiness {
        task
        have
        need
        recommended
        ready
        verdict
      }
      byPlatformTone {
        platform
        tone
        count
      }
    }
    jobs(first: 10) {
      edges {
        node {
          id
          status
          task
          baseModel
          suffix
          trainedTokens
          costUsd
          createdAt
          fineTunedModel
          progress {
            step
            totalSteps
            trainLoss
            validLoss
          }
        }
      }
    }
    models(first: 10) {
      edges {
        node {
          id
          providerModelId
          stage
          task
          trainedTokens
          costUsd
          createdAt
        }
      }
    }
  }
`);

/** One job's loss curve, for the chart. */
export const JobLossQuery = graphql(`
  query JobLoss($id: ID!) {
    job(id: $id) {
      id
      status
      suffix
      fineTunedModel
      createdAt
      metrics {
        step
        trainLoss
        validLoss
        trainAccuracy
        validAccuracy
      }
    }
  }
`);

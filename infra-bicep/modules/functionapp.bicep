// Flex Consumption plan and the .NET isolated function app, running as the user-assigned identity.
@description('Azure region.')
param location string

@description('Plan name.')
param planName string

@description('Function app name.')
param appName string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account used by the host and Durable Task (identity-based connection).')
param storageAccountName string

@description('Deployment container URL for the app package.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('.NET isolated runtime version.')
param dotnetVersion string = '10.0'

@description('Instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Maximum instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Durable Task hub name.')
param taskHubName string

@description('NCRONTAB schedule of the ScheduledStart function.')
param scheduleCron string

@description('Queue whose messages start executions.')
param startQueueName string

@description('ASL definition (JSON text) that ScheduledStart starts; empty: the schedule starts nothing.')
param scheduleDefinition string = ''

@description('Input (JSON text) of the scheduled executions.')
param scheduleInput string = '{}'

@description('Tags for every resource.')
param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Identity-based host storage: no connection string, no keys.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        {
          name: 'AslTaskHub'
          value: taskHubName
        }
        {
          name: 'AslScheduleCron'
          value: scheduleCron
        }
        {
          name: 'AslStartQueue'
          value: startQueueName
        }
        {
          name: 'AslScheduleDefinition'
          value: scheduleDefinition
        }
        {
          name: 'AslScheduleInput'
          value: scheduleInput
        }
      ]
    }
  }
}

@description('Function app name.')
output name string = app.name

@description('Default host name.')
output defaultHostName string = app.properties.defaultHostName

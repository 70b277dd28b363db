// The hosting plan (Flex Consumption, or Elastic Premium as an option) and the .NET isolated function app, running as
// the user-assigned identity. No app setting holds a key: storage connections are identity-based.
@description('Azure region.')
param location string

@description('Plan name.')
param planName string

@description('Function app name.')
param appName string

@description('Hosting plan: FlexConsumption (default) or ElasticPremium.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string = 'FlexConsumption'

@description('Elastic Premium SKU (used only when hostingPlan is ElasticPremium).')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param elasticPremiumSku string = 'EP1'

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Blob service URI of the storage account, e.g. https://<name>.blob.core.windows.net/.')
param blobServiceUri string

@description('Queue service URI of the storage account.')
param queueServiceUri string

@description('Table service URI of the storage account.')
param tableServiceUri string

@description('Deployment container URL (Flex Consumption deployment storage; Elastic Premium package location).')
param deploymentContainerUrl string

@description('Blob name of the package an Elastic Premium app runs from (inside the deployment container).')
param packageBlobName string = 'asl-functions.zip'

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Log Analytics workspace that receives the app\'s diagnostic settings.')
param workspaceId string

@description('Integration subnet for outbound traffic through a virtual network; empty: no VNet integration.')
param virtualNetworkSubnetId string = ''

@description('.NET isolated runtime version.')
param dotnetVersion string = '10.0'

@description('Instance memory in MB (Flex Consumption).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Maximum instances the app scales out to (Flex Consumption: 40-1000; Elastic Premium uses at most 100).')
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

@description('Schedules served by ScheduledStart (JSON text in EventBridge Scheduler\'s shape, {"Schedules": [...]}); empty: none.')
param schedules string = ''

@description('Tags for every resource.')
param tags object = {}

@description('Tags for the function app only (e.g. azd-service-name).')
param appTags object = {}

var isFlex = hostingPlan == 'FlexConsumption'
var vnetIntegrated = !empty(virtualNetworkSubnetId)

// Identity-based connections: service URIs (right for every cloud), the managed identity, its client id.
// AzureWebJobsStorage: the host, Durable Task (the task hub) and the start queue trigger.
// Storage: reserved for the runtime's own data (state machine registry, Map item readers and result writers).
var identityConnections = [
  for connection in [
    'AzureWebJobsStorage'
    'Storage'
  ]: [
    {
      name: '${connection}__blobServiceUri'
      value: blobServiceUri
    }
    {
      name: '${connection}__queueServiceUri'
      value: queueServiceUri
    }
    {
      name: '${connection}__tableServiceUri'
      value: tableServiceUri
    }
    {
      name: '${connection}__credential'
      value: 'managedidentity'
    }
    {
      name: '${connection}__clientId'
      value: identityClientId
    }
  ]
]

var commonSettings = [
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
  {
    name: 'AslSchedules'
    value: schedules
  }
]

// Elastic Premium without Azure Files (which has no identity-based access): no WEBSITE_CONTENTAZUREFILECONNECTIONSTRING
// or WEBSITE_CONTENTSHARE; the app runs from a package blob that it reads with its managed identity.
var premiumSettings = [
  {
    name: 'FUNCTIONS_EXTENSION_VERSION'
    value: '~4'
  }
  {
    name: 'FUNCTIONS_WORKER_RUNTIME'
    value: 'dotnet-isolated'
  }
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '${deploymentContainerUrl}/${packageBlobName}'
  }
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID'
    value: identityId
  }
]

var appSettings = concat(flatten(identityConnections), commonSettings, isFlex ? [] : premiumSettings)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: elasticPremiumSku
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : min(maximumInstanceCount, 100)
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: union(tags, appTags)
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
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: vnetIntegrated ? virtualNetworkSubnetId : null
    outboundVnetRouting: vnetIntegrated
      ? {
          allTraffic: true
        }
      : null
    functionAppConfig: isFlex
      ? {
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
      : null
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|${dotnetVersion}'
      // Elastic Premium behind a VNet: the runtime reports scale needs for non-HTTP triggers (queues, Durable).
      functionsRuntimeScaleMonitoringEnabled: isFlex ? null : vnetIntegrated
      appSettings: appSettings
    }
  }
}

resource appDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Function app name.')
output name string = app.name

@description('Default host name.')
output defaultHostName string = app.properties.defaultHostName

// AslOnDurable in Azure: a .NET isolated function app on the Flex Consumption plan (Elastic Premium as an option) with
// Durable Task on Azure Storage, identity-based access only (no storage keys anywhere), Application Insights on Log
// Analytics, diagnostic settings, and optional private networking (VNet integration, private endpoints, storage closed
// to the internet). Deploy with `az deployment group create` (see README.md) or `azd up` from this folder.
targetScope = 'resourceGroup'

@description('Azure region for every resource.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string = resourceGroup().location

@description('Environment name (azd: the environment\'s name); its first 10 characters are part of every resource name.')
@minLength(2)
@maxLength(64)
param environmentName string

@description('Hosting plan: FlexConsumption (default) or ElasticPremium.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string = 'FlexConsumption'

@description('Elastic Premium SKU, used when hostingPlan is ElasticPremium.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param elasticPremiumSku string = 'EP1'

@description('Private networking: a VNet the app integrates with, private endpoints for blob, queue and table, storage public network access off.')
param privateNetworking bool = false

@description('Principal (user or service principal) that publishes Elastic Premium packages: it gets Storage Blob Data Contributor on the deployment container only. azd passes the signed-in user. Unused on Flex Consumption.')
param principalId string = ''

@description('.NET isolated runtime version of the function app.')
param dotnetVersion string = '10.0'

@description('Maximum instances the function app scales out to (Elastic Premium: at most 100).')
param maximumInstanceCount int = 100

@description('Durable Task hub name (letters and digits, starting with a letter).')
param taskHubName string = 'asl'

@description('NCRONTAB schedule of the ScheduledStart function.')
param scheduleCron string = '0 * * * * *'

@description('ASL definition (JSON text) that the schedule starts; empty: the schedule starts nothing.')
param scheduleDefinition string = ''

@description('Input (JSON text) of the scheduled executions.')
param scheduleInput string = '{}'

@description('Schedules served by ScheduledStart (JSON text in EventBridge Scheduler\'s shape, {"Schedules": [...]}); empty: none.')
param schedules string = ''

@description('Queue whose messages start executions.')
param startQueueName string = 'asl-start'

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var namePart = toLower(take(environmentName, 10))
var tags = {
  application: 'asl-on-durable'
  environment: environmentName
  'azd-env-name': environmentName
}
var deploymentContainerName = 'app-package'
var isFlex = hostingPlan == 'FlexConsumption'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: 'id-asl-${namePart}-${token}'
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: 'log-asl-${namePart}-${token}'
    appInsightsName: 'appi-asl-${namePart}-${token}'
    principalId: identity.outputs.principalId
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: take('stasl${token}', 24)
    deploymentContainerName: deploymentContainerName
    principalId: identity.outputs.principalId
    privateNetworking: privateNetworking
    deployerPrincipalId: isFlex ? '' : principalId
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module network 'modules/network.bicep' = if (privateNetworking) {
  name: 'network'
  params: {
    location: location
    vnetName: 'vnet-asl-${namePart}-${token}'
    integrationDelegation: isFlex ? 'Microsoft.App/environments' : 'Microsoft.Web/serverFarms'
    storageAccountId: storage.outputs.id
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    planName: 'plan-asl-${namePart}-${token}'
    appName: 'func-asl-${namePart}-${token}'
    hostingPlan: hostingPlan
    elasticPremiumSku: elasticPremiumSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobServiceUri: storage.outputs.blobEndpoint
    queueServiceUri: storage.outputs.queueEndpoint
    tableServiceUri: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    workspaceId: monitoring.outputs.workspaceId
    virtualNetworkSubnetId: privateNetworking ? network!.outputs.integrationSubnetId : ''
    dotnetVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    taskHubName: taskHubName
    scheduleCron: scheduleCron
    scheduleDefinition: scheduleDefinition
    scheduleInput: scheduleInput
    schedules: schedules
    startQueueName: startQueueName
    tags: tags
    appTags: {
      'azd-service-name': 'api'
    }
  }
}

@description('Function app name.')
output functionAppName string = functionApp.outputs.name

@description('Function app URL.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Storage account name.')
output storageAccountName string = storage.outputs.name

@description('Deployment container URL (Elastic Premium: upload the package here as asl-functions.zip).')
output deploymentContainerUrl string = storage.outputs.deploymentContainerUrl

@description('Hosting plan that was deployed.')
output hostingPlan string = hostingPlan

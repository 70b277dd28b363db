// AslOnDurable in Azure: a Flex Consumption function app (.NET isolated) with Durable Task on Azure Storage,
// identity-based access only (no storage keys), Application Insights on Log Analytics.
// Deploy: az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/main.bicepparam
targetScope = 'resourceGroup'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Short environment name, part of every resource name (e.g. dev, prod).')
@minLength(2)
@maxLength(10)
param environmentName string

@description('.NET isolated runtime version of the function app.')
param dotnetVersion string = '10.0'

@description('Maximum instances the function app scales out to.')
param maximumInstanceCount int = 100

@description('Durable Task hub name (letters and digits, starting with a letter).')
param taskHubName string = 'asl'

@description('NCRONTAB schedule of the ScheduledStart function.')
param scheduleCron string = '0 0 * * * *'

@description('ASL definition (JSON text) that the schedule starts; empty: the schedule starts nothing.')
param scheduleDefinition string = ''

@description('Input (JSON text) of the scheduled executions.')
param scheduleInput string = '{}'

@description('Queue whose messages start executions.')
param startQueueName string = 'asl-start'

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  application: 'asl-on-durable'
  environment: environmentName
}
var deploymentContainerName = 'app-package'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: 'id-asl-${environmentName}-${token}'
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
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: 'log-asl-${environmentName}-${token}'
    appInsightsName: 'appi-asl-${environmentName}-${token}'
    principalId: identity.outputs.principalId
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    planName: 'plan-asl-${environmentName}-${token}'
    appName: 'func-asl-${environmentName}-${token}'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    dotnetVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    taskHubName: taskHubName
    scheduleCron: scheduleCron
    scheduleDefinition: scheduleDefinition
    scheduleInput: scheduleInput
    startQueueName: startQueueName
    tags: tags
  }
}

@description('Function app name.')
output functionAppName string = functionApp.outputs.name

@description('Function app URL.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Storage account name.')
output storageAccountName string = storage.outputs.name

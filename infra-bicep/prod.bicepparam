// A `prod` environment on Flex Consumption with private networking: the storage account is reachable only through
// private endpoints in the app's virtual network.
// az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/prod.bicepparam
using './main.bicep'

param environmentName = 'prod'
param hostingPlan = 'FlexConsumption'
param privateNetworking = true
param dotnetVersion = '10.0'
param maximumInstanceCount = 200
param taskHubName = 'asl'
param scheduleCron = '0 * * * * *'
param startQueueName = 'asl-start'

// A `dev` environment on Flex Consumption with public endpoints (storage still without keys).
// az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/dev.bicepparam
using './main.bicep'

param environmentName = 'dev'
param hostingPlan = 'FlexConsumption'
param privateNetworking = false
param dotnetVersion = '10.0'
param maximumInstanceCount = 100
param taskHubName = 'asl'
param scheduleCron = '0 * * * * *'
param startQueueName = 'asl-start'

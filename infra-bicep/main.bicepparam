using './main.bicep'

param environmentName = 'dev'
param dotnetVersion = '10.0'
param maximumInstanceCount = 100
param taskHubName = 'asl'
param scheduleCron = '0 0 * * * *'
param startQueueName = 'asl-start'

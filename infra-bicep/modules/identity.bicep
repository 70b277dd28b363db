// The user-assigned managed identity the function app runs as (storage, deployment, telemetry).
@description('Azure region.')
param location string

@description('Identity name.')
param name string

@description('Tags for every resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Principal (object) id, for role assignments.')
output principalId string = identity.properties.principalId

@description('Client id, for app settings that pick the identity.')
output clientId string = identity.properties.clientId

// Private networking for the storage account: a virtual network with an integration subnet (outbound traffic of the
// function app) and a private-endpoint subnet, private endpoints for the storage services the app uses, and the
// privatelink DNS zones that make the account's public host names resolve to those endpoints inside the network.
@description('Azure region.')
param location string

@description('Virtual network name.')
param vnetName string

@description('Address space of the virtual network.')
param addressPrefix string = '10.20.0.0/16'

@description('Prefix of the subnet the function app integrates with (outbound traffic).')
param integrationSubnetPrefix string = '10.20.1.0/24'

@description('Prefix of the subnet that holds the private endpoints.')
param privateEndpointSubnetPrefix string = '10.20.2.0/24'

@description('Service the integration subnet is delegated to: Microsoft.App/environments for Flex Consumption, Microsoft.Web/serverFarms for Elastic Premium.')
@allowed([
  'Microsoft.App/environments'
  'Microsoft.Web/serverFarms'
])
param integrationDelegation string

@description('Resource id of the storage account the private endpoints connect to.')
param storageAccountId string

@description('Storage services that get a private endpoint and a privatelink DNS zone.')
param storageServices array = [
  'blob'
  'queue'
  'table'
]

@description('Tags for every resource.')
param tags object = {}

var integrationSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'
var storageAccountName = last(split(storageAccountId, '/'))

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: integrationSubnetName
        properties: {
          addressPrefix: integrationSubnetPrefix
          delegations: [
            {
              name: 'app-integration'
              properties: {
                serviceName: integrationDelegation
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource integrationSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: integrationSubnetName
}

resource privateEndpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: privateEndpointSubnetName
}

// privatelink.<service>.<storage suffix>: core.windows.net in the public cloud, the right suffix in sovereign clouds.
resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for service in storageServices: {
    name: 'privatelink.${service}.${environment().suffixes.storage}'
    location: 'global'
    tags: tags
  }
]

resource dnsZoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (service, i) in storageServices: {
    parent: dnsZones[i]
    name: '${vnetName}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for service in storageServices: {
    name: 'pe-${storageAccountName}-${service}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: privateEndpointSubnet.id
      }
      privateLinkServiceConnections: [
        {
          name: 'pe-${storageAccountName}-${service}'
          properties: {
            privateLinkServiceId: storageAccountId
            groupIds: [
              service
            ]
          }
        }
      ]
    }
  }
]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (service, i) in storageServices: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: service
          properties: {
            privateDnsZoneId: dnsZones[i].id
          }
        }
      ]
    }
  }
]

@description('Resource id of the integration subnet (the function app\'s virtualNetworkSubnetId).')
output integrationSubnetId string = integrationSubnet.id

@description('Resource id of the virtual network.')
output vnetId string = vnet.id

// Optional private networking (vnetEnabled), as in the Flex Consumption templates: the app joins a subnet
// delegated to Microsoft.App/environments, storage (blob, queue, table) and both Key Vaults get private
// endpoints with their privatelink DNS zones, and their public network access is switched off.
@description('Virtual network name.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Storage account resource id.')
param storageAccountId string

@description('Key Vault resource ids (app secrets, host keys).')
param keyVaultIds string[]

var storageTargets = [
  'blob'
  'queue'
  'table'
]

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.40.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.1.0/24'
          delegations: [
            {
              name: 'flex'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.40.2.0/24'
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

var endpointSubnetId = '${vnet.id}/subnets/private-endpoints'

resource storageZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for target in storageTargets: {
    name: 'privatelink.${target}.${environment().suffixes.storage}'
    location: 'global'
    tags: tags
  }
]

resource storageZoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (target, i) in storageTargets: {
    parent: storageZones[i]
    name: '${name}-link'
    location: 'global'
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

resource storageEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for (target, i) in storageTargets: {
    name: 'pe-${last(split(storageAccountId, '/'))}-${target}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: endpointSubnetId
      }
      privateLinkServiceConnections: [
        {
          name: target
          properties: {
            privateLinkServiceId: storageAccountId
            groupIds: [
              target
            ]
          }
        }
      ]
    }
  }
]

resource storageZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (target, i) in storageTargets: {
    parent: storageEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: target
          properties: {
            privateDnsZoneId: storageZones[i].id
          }
        }
      ]
    }
  }
]

resource vaultZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
  tags: tags
}

resource vaultZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: vaultZone
  name: '${name}-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

resource vaultEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for vaultId in keyVaultIds: {
    name: 'pe-${last(split(vaultId, '/'))}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: endpointSubnetId
      }
      privateLinkServiceConnections: [
        {
          name: 'vault'
          properties: {
            privateLinkServiceId: vaultId
            groupIds: [
              'vault'
            ]
          }
        }
      ]
    }
  }
]

resource vaultZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (vaultId, i) in keyVaultIds: {
    parent: vaultEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: 'vault'
          properties: {
            privateDnsZoneId: vaultZone.id
          }
        }
      ]
    }
  }
]

output appSubnetId string = '${vnet.id}/subnets/app'

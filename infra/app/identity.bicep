// The one identity the Function App runs as: storage (host, Durable, the app's data), Key Vault
// references, host keys and Application Insights all authenticate with it; no keys or connection
// strings with secrets exist anywhere.
@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

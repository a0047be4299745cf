// Two Key Vaults (RBAC authorization, soft delete + purge protection):
// * `name`: the app's secrets. App settings reference them with @Microsoft.KeyVault(SecretUri=...), resolved by
//   the platform with the app's identity, which only READS here (Key Vault Secrets User).
// * `hostKeysVaultName`: the Functions host's own keys (AzureWebJobsSecretStorageType=keyvault). The host writes
//   the keys it generates (master key, the Durable extension's system key), so the identity is Secrets Officer
//   there only: a compromised host cannot overwrite the link-signing key. The admin key is the host's default
//   key (host--functionKey--default), which is what x-functions-key / ?code= are checked against.
@description('Key Vault of the app\'s secrets (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Key Vault of the Functions host keys (3-24 characters).')
@minLength(3)
@maxLength(24)
param hostKeysVaultName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@secure()
@description('Links:SigningKey, the HMAC key of action links and access tokens (at least 32 characters).')
@minLength(32)
param linksSigningKey string

@secure()
@description('Links:PreviousSigningKeys: keys retired by a rotation that still verify open links (comma-separated); empty = none.')
param linksPreviousSigningKeys string = ''

@secure()
@description('The administrators\' key: Admin:ApiKey and the Functions host\'s default key.')
@minLength(32)
param adminApiKey string

@secure()
@description('Notifications:Smtp:Password (for Azure Communication Services: the Entra application\'s client secret); empty = none.')
param smtpPassword string = ''

@description('Days a deleted vault or secret can be recovered (purge protection forbids purging it earlier).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Public network access; Disabled when the vaults are reached through private endpoints (vnetEnabled).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'

var vaultProperties = {
  tenantId: subscription().tenantId
  sku: {
    family: 'A'
    name: 'standard'
  }
  enableRbacAuthorization: true
  enableSoftDelete: true
  softDeleteRetentionInDays: softDeleteRetentionInDays
  // Once on, it cannot be switched off: nobody (not even an owner) can purge a secret before retention ends.
  enablePurgeProtection: true
  publicNetworkAccess: publicNetworkAccess
  networkAcls: {
    defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
    bypass: 'AzureServices'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: vaultProperties
}

resource hostKeysVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: hostKeysVaultName
  location: location
  tags: tags
  properties: vaultProperties
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'links-signing-key'
  properties: {
    value: linksSigningKey
    contentType: 'text/plain'
  }
}

resource previousSigningKeysSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(linksPreviousSigningKeys)) {
  parent: vault
  name: 'links-previous-signing-keys'
  properties: {
    value: linksPreviousSigningKeys
    contentType: 'text/plain'
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'admin-api-key'
  properties: {
    value: adminApiKey
    contentType: 'text/plain'
  }
}

// Name fixed by the Functions host's Key Vault secrets repository (host--functionKey--<name>).
resource hostDefaultKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: hostKeysVault
  name: 'host--functionKey--default'
  properties: {
    value: adminApiKey
    contentType: 'text/plain'
  }
}

var smtpSecretName = 'smtp-password'

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
output hostKeysVaultId string = hostKeysVault.id
output hostKeysVaultName string = hostKeysVault.name
output hostKeysVaultUri string = hostKeysVault.properties.vaultUri
output linksSigningKeySecretUri string = signingKeySecret.properties.secretUri
output adminApiKeySecretUri string = adminKeySecret.properties.secretUri
// URIs only (never values); meaningful only when the secret was given.
output previousSigningKeysSecretUri string = '${vault.properties.vaultUri}secrets/links-previous-signing-keys'
output smtpSecretUri string = '${vault.properties.vaultUri}secrets/${smtpSecretName}'

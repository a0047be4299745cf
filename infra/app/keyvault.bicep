// Key Vault (RBAC authorization) with the app's secrets. App settings reference them with
// @Microsoft.KeyVault(SecretUri=...), resolved by the platform with the app's managed identity.
// The Functions host also keeps its keys here (AzureWebJobsSecretStorageType=keyvault), so the
// admin key below IS the default host key that x-functions-key / ?code= is checked against.
@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@secure()
@description('Links:SigningKey, the HMAC key of action links and access tokens (at least 32 characters).')
@minLength(32)
param linksSigningKey string

@secure()
@description('The administrators\' key: Admin:ApiKey and the Functions host\'s default key.')
@minLength(32)
param adminApiKey string

@secure()
@description('Notifications:Smtp:Password; empty = no secret (relay without authentication).')
param smtpPassword string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'links-signing-key'
  properties: {
    value: linksSigningKey
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
  parent: vault
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
output linksSigningKeySecretUri string = signingKeySecret.properties.secretUri
output adminApiKeySecretUri string = adminKeySecret.properties.secretUri
// The URI only (never the value); meaningful only when an SMTP password was given.
output smtpSecretUri string = '${vault.properties.vaultUri}secrets/${smtpSecretName}'

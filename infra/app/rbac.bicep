// Role assignments: least privilege per data plane, each with the reason it is needed.
@description('Storage account the app and the Functions host use.')
param storageAccountName string

@description('Key Vault holding the app\'s secrets (the app only reads).')
param keyVaultName string

@description('Key Vault holding the Functions host keys (the host writes).')
param hostKeysVaultName string

@description('Application Insights component.')
param applicationInsightsName string

@description('Principal (object) id of the app\'s user-assigned managed identity.')
param appPrincipalId string

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID); empty = no user roles.')
param userPrincipalId string = ''

@description('Principal type of userPrincipalId: User when a person runs azd, ServicePrincipal in the pipeline (OIDC). A mismatch fails with UnmatchedPrincipalType.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('True when the agreements are signed with a Key Vault key (Signing:Certificate:KeyVaultKeyId): the app may then sign with the keys of the app\'s vault and read their certificates, nothing more.')
param agreementSigning bool = false

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource hostKeysVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: hostKeysVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Blob Data Owner, not Contributor: the Functions host with identity-based AzureWebJobsStorage needs
// it (leases, timer-trigger schedule monitor, the deployment package container); it also covers the
// app's containers (applications, documents, agreements, audit) and the Durable lease/large-message blobs.
resource appBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Queue Data Contributor: the Durable Azure Storage backend creates and reads its control and
// work-item queues (<hub>-control-NN, <hub>-workitems) at run time.
resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Table Data Contributor: the Durable backend's <hub>History/<hub>Instances tables and the app's
// applicationindex, actionlinks and idempotency tables.
resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Secrets User on the app's vault: the platform resolves the @Microsoft.KeyVault references (signing
// keys, admin key, SMTP password) with this identity; it can read them, never change them.
resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Secrets Officer on the host-keys vault only: the Functions host writes the keys it generates there
// (master key, the Durable extension's system key). Scoped to that vault, so it cannot touch the app's secrets.
resource appHostKeysOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostKeysVault.id, appPrincipalId, roles.keyVaultSecretsOfficer)
  scope: hostKeysVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Metrics Publisher: lets the host send telemetry with Entra authentication
// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), so local auth can be switched off on the component.
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The operator running azd may read (not change) stored documents and agreements when supporting a case.
resource userBlobReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(storage.id, userPrincipalId, roles.storageBlobDataReader)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: userPrincipalId
    principalType: principalType
  }
}

// The operator may read the secrets (e.g. the admin key for x-functions-key) but not change them;
// rotation goes through `azd provision` with new values (infra/README.md, "Rotating the signing key").
resource userSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(vault.id, userPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: userPrincipalId
    principalType: principalType
  }
}

// Agreement signer: exactly the sign operation on the vault's keys and reading their certificates (for the chain
// embedded in each PDF signature). No built-in role is that narrow (Crypto User also decrypts, wraps, verifies).
resource agreementSignerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (agreementSigning) {
  name: guid(resourceGroup().id, 'umkmcredit-agreement-signer')
  properties: {
    roleName: 'UmkmCredit agreement signer (${resourceGroup().name})'
    description: 'Sign with a Key Vault key that never leaves the vault, and read its certificate.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        dataActions: [
          'Microsoft.KeyVault/vaults/keys/read'
          'Microsoft.KeyVault/vaults/keys/sign/action'
          'Microsoft.KeyVault/vaults/certificates/read'
        ]
      }
    ]
  }
}

// The app signs each agreement (signers' revisions and the seal) with the programme's key, which stays in the vault.
resource appAgreementSigner 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (agreementSigning) {
  name: guid(vault.id, appPrincipalId, 'umkmcredit-agreement-signer')
  scope: vault
  properties: {
    roleDefinitionId: agreementSignerRole.id
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

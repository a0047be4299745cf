// One storage account for everything: the Functions host (AzureWebJobsStorage), the Durable Task
// Azure Storage backend, the app's own blobs and tables, and the Flex Consumption deployment package.
// Shared keys are disabled: every client authenticates with Entra ID (the app's managed identity).
@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Replication of the account that holds agreements kept ten years: ZRS survives a zone, GZRS also a region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_ZRS'

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Days that agreements and audit trails stay immutable (WORM) after each blob is written.')
@minValue(1)
@maxValue(146000)
param immutabilityPeriodDays int

@description('true once an operator has LOCKED the immutability policies: they are then left out of the template, because the API accepts a PUT of a policy only while it is unlocked (a re-provision would fail).')
param immutabilityPoliciesLocked bool = false

@description('A CanNotDelete lock on the account: the signed agreements and audit trails cannot be deleted with it (remove the lock first, deliberately).')
param deleteLock bool = true

@description('Public network access; Disabled when the account is reached through private endpoints (vnetEnabled).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'

// Containers of ARCHITECTURE.md ("Storage layout"); the app also creates them if missing.
var dataContainers = [
  'applications'
  'documents'
  'agreements'
  'audit'
  'imports'
]

// Tables of the app (StorageNames.Tables). The Durable backend creates its own
// <hub>History / <hub>Instances tables, control/work-item queues and lease container at run time.
var tables = [
  'applicationindex'
  'actionlinks'
  'idempotency'
  'agreementnumbers'
  'signingotps'
  'agreementverification'
  'nikclaims'
  'webhookdeliveries'
  'imports'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in union(dataContainers, [deploymentContainerName]): {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

// WORM on the signed record. Created Unlocked: an operator locks it once the retention period is
// agreed (`az storage container immutability-policy lock`); a locked policy can only be extended.
// After locking, set immutabilityPoliciesLocked (IMMUTABILITY_POLICIES_LOCKED=true) so that provisioning
// stops re-PUTting them.
resource agreementsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (!immutabilityPoliciesLocked) {
  name: '${storage.name}/default/agreements/default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityPeriodDays
    // Agreements are block blobs written once (draft and signed under distinct names).
    allowProtectedAppendWrites: false
  }
  dependsOn: [
    containers
  ]
}

resource auditImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (!immutabilityPoliciesLocked) {
  name: '${storage.name}/default/audit/default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityPeriodDays
    // The audit trail is an append blob: new lines may be appended, nothing may be rewritten or deleted.
    allowProtectedAppendWrites: true
  }
  dependsOn: [
    containers
  ]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource appTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

// The Durable backend creates <hub>-control-NN and <hub>-workitems queues itself at start.
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The records' account cannot be deleted by accident (nor by `azd down`) while this lock exists.
resource recordsLock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'records-cannot-delete'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds signed agreements and audit trails kept ten years. Remove deliberately before deleting the account.'
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table

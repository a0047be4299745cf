// UmkmCredit on Azure: `azd up` provisions this file, then deploys src/UmkmCredit.Functions (service `api`).
// Every module under app/ is a plain resource declaration (no public-registry modules), so the Bicep
// CLI from NuGet compiles and lints all of it offline (tests/UmkmCredit.Infra.Tests).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region of every resource, e.g. indonesiacentral or southeastasia.')
param location string

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID): gets read access to blobs and secrets. Empty = none.')
param principalId string = ''

@description('Links:BaseUrl, the public address in notification links; empty = https://<function app default host name>.')
param linksBaseUrl string = ''

@secure()
@minLength(32)
@description('Links:SigningKey (LINKS_SIGNING_KEY): HMAC key of action links and access tokens. Stored in Key Vault.')
param linksSigningKey string

@secure()
@minLength(32)
@description('Admin key (ADMIN_API_KEY): Admin:ApiKey and the Functions host default key (x-functions-key). Stored in Key Vault.')
param adminApiKey string

@description('Notifications:Smtp:Host; empty = no SMTP (the app would write .eml files to an ephemeral disk).')
param smtpHost string = ''

@description('Notifications:Smtp:Port.')
param smtpPort int = 587

@description('Notifications:Smtp:User.')
param smtpUser string = ''

@secure()
@description('Notifications:Smtp:Password (SMTP_PASSWORD). Stored in Key Vault when set.')
param smtpPassword string = ''

@description('Notifications:Smtp:From.')
param smtpFrom string = 'UmkmCredit <noreply@umkmcredit.kaltaraprov.go.id>'

@description('Durable task hub (TASKHUB_NAME): letters and digits, 3-45.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'umkmcredit'

@description('NCRONTAB (seconds first) of the reminder sweep.')
param remindersSchedule string = '0 */15 * * * *'

@description('Workflow:* settings.')
param workflow {
  reviewWorkingDays: int
  signingWorkingDays: int
  documentsWorkingDays: int
  escalationWorkingDays: int
  reminderLeadTime: string
  maxRevisionRounds: int
} = {
  reviewWorkingDays: 5
  signingWorkingDays: 10
  documentsWorkingDays: 5
  escalationWorkingDays: 2
  reminderLeadTime: '1.00:00:00'
  maxRevisionRounds: 2
}

@description('Opd:Reviewers per regency code (6501 Malinau, 6502 Bulungan, 6503 Tana Tidung, 6504 Nunukan, 6571 Tarakan).')
param opdReviewers object

@description('Signing:Order and Signing:Mode.')
param signing {
  order: string
  mode: 'Sequential' | 'Parallel'
} = {
  order: 'applicant,bank,opd'
  mode: 'Sequential'
}

@description('Bank:Signers per regency code (the bank officer who signs each agreement).')
param bankSigners object

@description('Opd:Signers per regency code (the OPD official who signs each agreement).')
param opdSigners object

@description('Days that agreements and audit trails stay immutable after each write.')
@minValue(1)
@maxValue(146000)
param immutabilityPeriodDays int = 3650

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Most instances Flex Consumption scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    immutabilityPeriodDays: immutabilityPeriodDays
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    linksSigningKey: linksSigningKey
    adminApiKey: adminApiKey
    smtpPassword: smtpPassword
  }
}

module rbac 'app/rbac.bicep' = {
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module function 'app/function.bicep' = {
  scope: resourceGroup
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    linksSigningKeySecretUri: keyVault.outputs.linksSigningKeySecretUri
    adminApiKeySecretUri: keyVault.outputs.adminApiKeySecretUri
    smtpPasswordSecretUri: empty(smtpPassword) ? '' : keyVault.outputs.smtpSecretUri
    linksBaseUrl: linksBaseUrl
    taskHubName: taskHubName
    remindersSchedule: remindersSchedule
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUser: smtpUser
    smtpFrom: smtpFrom
    workflow: workflow
    opdReviewers: opdReviewers
    signing: signing
    bankSigners: bankSigners
    opdSigners: opdSigners
    maximumInstanceCount: maximumInstanceCount
  }
  // The app resolves Key Vault references and opens storage as soon as it exists: roles first.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output SERVICE_API_URI string = function.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

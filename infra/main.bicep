// UmkmCredit on Azure: `azd up` provisions this file, then deploys src/UmkmCredit.Functions (service `api`).
// Every module under app/ is a plain resource declaration (no public-registry modules), so the Bicep
// CLI from NuGet compiles and lints all of it offline (tests/UmkmCredit.Infra.Tests).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of every resource name and the azd-env-name tag.')
param environmentName string

@description('Azure region of every resource. southeastasia (Singapore) is the nearest region on the Flex Consumption list (`az functionapp list-flexconsumption-locations`) and has availability zones for ZRS/GZRS; indonesiacentral is not on that list (infra/README.md).')
param location string = 'southeastasia'

@description('Object id of the principal running azd (AZURE_PRINCIPAL_ID): gets read access to blobs and secrets. Empty = none.')
param principalId string = ''

@description('Type of principalId: User when a person runs azd, ServicePrincipal in the pipeline (AZURE_PRINCIPAL_TYPE).')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Links:BaseUrl, the public address in notification links; empty = https://<function app default host name>. With frontDoorEnabled set it to the Front Door endpoint or custom domain (SERVICE_API_URI after the first provision).')
param linksBaseUrl string = ''

@secure()
@minLength(32)
@description('Links:SigningKey (LINKS_SIGNING_KEY): HMAC key of action links and access tokens. Stored in Key Vault.')
param linksSigningKey string

@secure()
@description('Links:PreviousSigningKeys (LINKS_PREVIOUS_SIGNING_KEYS): keys retired by a rotation, comma-separated; open links signed with them keep working. Empty = none.')
param linksPreviousSigningKeys string = ''

@secure()
@minLength(32)
@description('Admin key (ADMIN_API_KEY): Admin:ApiKey and the Functions host default key (x-functions-key). Stored in Key Vault.')
param adminApiKey string

@description('How mail leaves: AzureCommunicationServices (provisioned here, SMTP smtp.azurecomm.net:587) or Relay (another SMTP relay: smtpHost, smtpUser, SMTP_PASSWORD).')
@allowed([
  'AzureCommunicationServices'
  'Relay'
])
param mailProvider string = 'AzureCommunicationServices'

@description('ACS: client (application) id of the Entra application whose client secret (SMTP_PASSWORD) authenticates SMTP.')
param acsSmtpEntraApplicationId string = ''

@description('ACS: object id of that application\'s service principal (gets the SMTP sender role).')
param acsSmtpServicePrincipalId string = ''

@description('ACS: where the Communication Services data is kept.')
param acsDataLocation string = 'Asia Pacific'

@description('Relay: Notifications:Smtp:Host.')
param smtpHost string = ''

@description('Relay: Notifications:Smtp:Port.')
param smtpPort int = 587

@description('Notifications:Smtp:User: the relay user, or the ACS SMTP user name (empty = umkmcredit).')
param smtpUser string = ''

@secure()
@description('Notifications:Smtp:Password (SMTP_PASSWORD): the relay password, or the Entra application\'s client secret for ACS. Stored in Key Vault.')
param smtpPassword string = ''

@description('Relay: Notifications:Smtp:From. With ACS the sender is DoNotReply@<Azure-managed domain>.')
param smtpFrom string = 'UmkmCredit <noreply@umkmcredit.kaltaraprov.go.id>'

@description('Durable task hub (TASKHUB_NAME): letters and digits, 3-45.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'umkmcredit'

@description('NCRONTAB (seconds first) of the reminder sweep.')
param remindersSchedule string = '0 */15 * * * *'

@description('NCRONTAB of the retention job (19:00 UTC = 03:00 WITA).')
param retentionSchedule string = '0 0 19 * * *'

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

@description('Set to true (IMMUTABILITY_POLICIES_LOCKED) after locking the WORM policies: provisioning then leaves them alone, because a locked policy cannot be PUT again.')
param immutabilityPoliciesLocked bool = false

@description('Storage replication of the records (agreements are kept ten years): ZRS survives a zone outage, GZRS also a regional one.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('A CanNotDelete lock on the records\' storage account (remove it deliberately before `azd down`).')
param storageDeleteLock bool = true

@description('Most instances Flex Consumption scales out to per function group (provincial load: a handful).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Always-ready instances of the durable function group (0 = scale to zero: cold reviewer links).')
@minValue(0)
@maxValue(10)
param alwaysReadyDurableInstances int = 1

@description('Durable queue polling ceiling (host.json maxQueuePollingInterval; the default is 30 s).')
param maxQueuePollingInterval string = '00:00:05'

@description('Key Vault key id of the programme\'s agreement-signing certificate (https://{vault}.vault.azure.net/keys/{name}/{version}, AGREEMENT_SIGNING_KEY_ID); empty = a development certificate authority inside the app (not for production).')
param agreementSigningKeyId string = ''

@description('RFC 3161 time-stamp authority of the agreement seal (SIGNING_TIMESTAMP_URL); empty = the development authority inside the app.')
param signingTimestampUrl string = ''

@description('Private networking: the app in a delegated subnet, private endpoints for storage and Key Vault, their public access off.')
param vnetEnabled bool = false

@description('Azure Front Door with WAF rate limits per client address in front of the app; the app then accepts Front Door traffic only.')
param frontDoorEnabled bool = false

@description('Operators\' e-mail for alerts and budget notices; empty = alerts without a receiver, budget mails to Owners.')
param alertEmail string = ''

@description('Monthly budget of the resource group in the billing currency.')
@minValue(1)
param monthlyBudget int = 100

@description('First month of the budget (yyyy-MM-01, BUDGET_START_DATE); empty = the current month. Set it once: a budget\'s start date cannot move on later provisions.')
param budgetStartDate string = ''

@description('The current month, the fallback of budgetStartDate (not meant to be set).')
param currentMonth string = utcNow('yyyy-MM-01')

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var useAcs = mailProvider == 'AzureCommunicationServices'
var publicNetworkAccess = vnetEnabled ? 'Disabled' : 'Enabled'

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
    immutabilityPoliciesLocked: immutabilityPoliciesLocked
    deleteLock: storageDeleteLock
    publicNetworkAccess: publicNetworkAccess
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    hostKeysVaultName: 'kvh-${resourceToken}'
    location: location
    tags: tags
    linksSigningKey: linksSigningKey
    linksPreviousSigningKeys: linksPreviousSigningKeys
    adminApiKey: adminApiKey
    smtpPassword: smtpPassword
    publicNetworkAccess: publicNetworkAccess
  }
}

module communication 'app/communication.bicep' = if (useAcs) {
  scope: resourceGroup
  params: {
    emailServiceName: 'ecs-${resourceToken}'
    communicationServiceName: 'acs-${resourceToken}'
    tags: tags
    dataLocation: acsDataLocation
    smtpEntraApplicationId: acsSmtpEntraApplicationId
    smtpServicePrincipalId: acsSmtpServicePrincipalId
    smtpUsername: empty(smtpUser) ? 'umkmcredit' : smtpUser
  }
}

module network 'app/network.bicep' = if (vnetEnabled) {
  scope: resourceGroup
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    keyVaultIds: [
      keyVault.outputs.id
      keyVault.outputs.hostKeysVaultId
    ]
  }
}

module rbac 'app/rbac.bicep' = {
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    hostKeysVaultName: keyVault.outputs.hostKeysVaultName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    principalType: principalType
    agreementSigning: !empty(agreementSigningKeyId)
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
    hostKeysVaultUri: keyVault.outputs.hostKeysVaultUri
    linksSigningKeySecretUri: keyVault.outputs.linksSigningKeySecretUri
    previousSigningKeysSecretUri: empty(linksPreviousSigningKeys) ? '' : keyVault.outputs.previousSigningKeysSecretUri
    adminApiKeySecretUri: keyVault.outputs.adminApiKeySecretUri
    smtpPasswordSecretUri: empty(smtpPassword) ? '' : keyVault.outputs.smtpSecretUri
    agreementSigningKeyId: agreementSigningKeyId
    signingTimestampUrl: signingTimestampUrl
    linksBaseUrl: linksBaseUrl
    taskHubName: taskHubName
    remindersSchedule: remindersSchedule
    retentionSchedule: retentionSchedule
    smtpHost: useAcs ? communication!.outputs.smtpHost : smtpHost
    smtpPort: useAcs ? communication!.outputs.smtpPort : smtpPort
    smtpUser: useAcs ? (empty(smtpUser) ? 'umkmcredit' : smtpUser) : smtpUser
    smtpFrom: useAcs ? communication!.outputs.senderAddress : smtpFrom
    workflow: workflow
    opdReviewers: opdReviewers
    signing: signing
    bankSigners: bankSigners
    opdSigners: opdSigners
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyDurableInstances: alwaysReadyDurableInstances
    maxQueuePollingInterval: maxQueuePollingInterval
    virtualNetworkSubnetId: vnetEnabled ? network!.outputs.appSubnetId : ''
  }
  // The app resolves Key Vault references and opens storage as soon as it exists: roles first.
  dependsOn: [
    rbac
  ]
}

module frontDoor 'app/frontdoor.bicep' = if (frontDoorEnabled) {
  scope: resourceGroup
  params: {
    name: 'afd-${resourceToken}'
    tags: tags
    functionAppName: function.outputs.name
    functionAppHostName: function.outputs.defaultHostName
  }
}

module diagnostics 'app/diagnostics.bicep' = {
  scope: resourceGroup
  params: {
    workspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    storageAccountName: storage.outputs.name
    keyVaultNames: [
      keyVault.outputs.name
      keyVault.outputs.hostKeysVaultName
    ]
    functionAppName: function.outputs.name
  }
}

module alerts 'app/alerts.bicep' = {
  scope: resourceGroup
  params: {
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    location: location
    tags: tags
    actionGroupName: 'ag-${resourceToken}'
    alertEmail: alertEmail
  }
}

module budget 'app/budget.bicep' = {
  scope: resourceGroup
  params: {
    name: 'budget-${environmentName}'
    amount: monthlyBudget
    startDate: empty(budgetStartDate) ? currentMonth : budgetStartDate
    contactEmails: empty(alertEmail) ? [] : [
      alertEmail
    ]
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output SERVICE_API_URI string = frontDoorEnabled ? 'https://${frontDoor!.outputs.endpointHostName}' : function.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

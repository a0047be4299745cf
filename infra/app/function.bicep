// The production host: src/UmkmCredit.Functions on Flex Consumption (Linux, dotnet-isolated 10.0),
// running as the user-assigned identity. FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are
// NOT app settings on Flex (the platform rejects them): the runtime comes from functionAppConfig.
@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the resources (the app also gets azd-service-name).')
param tags object

@description('azd service name of this app (azure.yaml).')
param serviceName string = 'api'

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Storage account name.')
param storageAccountName string

@description('Primary blob endpoint, e.g. https://<account>.blob.core.windows.net/.')
param blobEndpoint string

@description('Primary queue endpoint.')
param queueEndpoint string

@description('Primary table endpoint.')
param tableEndpoint string

@description('Blob container for the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('URI of the Key Vault that keeps the Functions host keys, e.g. https://<vault>.vault.azure.net/.')
param hostKeysVaultUri string

@description('Secret URI of Links:SigningKey.')
param linksSigningKeySecretUri string

@description('Secret URI of Admin:ApiKey.')
param adminApiKeySecretUri string

@description('Secret URI of Notifications:Smtp:Password; empty = none.')
param smtpPasswordSecretUri string = ''

@description('Key Vault key id of the agreement-signing certificate (Signing:Certificate:KeyVaultKeyId); empty = development CA.')
param agreementSigningKeyId string = ''

@description('RFC 3161 time-stamp authority (Signing:TimestampUrl); empty = the development authority.')
param signingTimestampUrl string = ''

@description('Secret URI of Links:PreviousSigningKeys; empty = no previous keys.')
param previousSigningKeysSecretUri string = ''

@description('Links:BaseUrl; empty = https://<default host name of the app>.')
param linksBaseUrl string = ''

@description('Durable task hub name (TASKHUB_NAME, read by host.json).')
param taskHubName string

@description('NCRONTAB of the reminder sweep (REMINDERS_SCHEDULE, the timer trigger\'s %...% expression).')
param remindersSchedule string

@description('NCRONTAB of the retention job (RETENTION_SCHEDULE, the timer trigger\'s %...% expression; UU 27/2022 PDP).')
param retentionSchedule string

@description('Notifications:Smtp:Host: smtp.azurecomm.net (Azure Communication Services) or another relay. Required: outside Development the app refuses to start without it.')
@minLength(1)
param smtpHost string

@description('Notifications:Smtp:Port.')
param smtpPort int = 587

@description('Notifications:Smtp:User.')
param smtpUser string = ''

@description('Notifications:Smtp:From.')
param smtpFrom string

@description('Notifications:Smtp:Security (MailKit SecureSocketOptions): StartTls for ACS on 587, SslOnConnect for 465.')
@allowed([
  'StartTls'
  'SslOnConnect'
  'Auto'
])
param smtpSecurity string = 'StartTls'

@description('Workflow:* deadlines in working days and the reminder lead time.')
param workflow {
  reviewWorkingDays: int
  signingWorkingDays: int
  documentsWorkingDays: int
  escalationWorkingDays: int
  reminderLeadTime: string
  maxRevisionRounds: int
}

@description('Opd:Reviewers, per regency code: a list of { reviewer, supervisor, sector? } with actors { id, name, email, title, organization }.')
param opdReviewers object

@description('Signing:Order (comma-separated roles) and Signing:Mode (Sequential | Parallel).')
param signing {
  order: string
  mode: 'Sequential' | 'Parallel'
}

@description('Bank:Signers, per regency code: { bankName, branchAddress, officer { id, name, email, title, organization } }.')
param bankSigners object

@description('Opd:Signers, per regency code: the OPD official { id, name, email, title, organization } who signs agreements.')
param opdSigners object

@description('Most instances Flex Consumption scales out to, per function group. Provincial load (hundreds of applications a month) needs a handful; the cap bounds cost and storage pressure.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Always-ready instances of the durable function group (orchestrations, activities): a reviewer\'s click reaches a warm worker instead of a cold start. 0 = scale to zero.')
@minValue(0)
@maxValue(10)
param alwaysReadyDurableInstances int = 1

@description('Durable Azure Storage backend: longest wait between polls of an idle control/work-item queue (default 30 s). Bounds the lag of an event after a quiet period.')
param maxQueuePollingInterval string = '00:00:05'

@description('Subnet (delegated to Microsoft.App/environments) the app joins when vnetEnabled; empty = none.')
param virtualNetworkSubnetId string = ''

@description('Memory per instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (not a system-assigned one).
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyDurableInstances == 0 ? [] : [
          {
            name: 'durable'
            instanceCount: alwaysReadyDurableInstances
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Opd:Reviewers flattened to configuration keys (Opd__Reviewers__<regency>__<index>__Reviewer__Id, ...),
// exactly as local.settings.sample.json spells them.
var opdEntries = flatten(map(items(opdReviewers), regency => map(range(0, length(regency.value)), index => {
  regency: regency.key
  index: index
  entry: regency.value[index]
})))

var opdSettings = reduce(opdEntries, {}, (settings, e) => union(settings, {
  'Opd__Reviewers__${e.regency}__${e.index}__Reviewer__Id': e.entry.reviewer.id
  'Opd__Reviewers__${e.regency}__${e.index}__Reviewer__Name': e.entry.reviewer.name
  'Opd__Reviewers__${e.regency}__${e.index}__Reviewer__Email': e.entry.reviewer.email
  'Opd__Reviewers__${e.regency}__${e.index}__Reviewer__Title': e.entry.reviewer.title
  'Opd__Reviewers__${e.regency}__${e.index}__Reviewer__Organization': e.entry.reviewer.organization
  'Opd__Reviewers__${e.regency}__${e.index}__Supervisor__Id': e.entry.supervisor.id
  'Opd__Reviewers__${e.regency}__${e.index}__Supervisor__Name': e.entry.supervisor.name
  'Opd__Reviewers__${e.regency}__${e.index}__Supervisor__Email': e.entry.supervisor.email
  'Opd__Reviewers__${e.regency}__${e.index}__Supervisor__Title': e.entry.supervisor.title
  'Opd__Reviewers__${e.regency}__${e.index}__Supervisor__Organization': e.entry.supervisor.organization
}, contains(e.entry, 'sector') ? { 'Opd__Reviewers__${e.regency}__${e.index}__Sector': e.entry.sector } : {}))

var bankSignerSettings = reduce(items(bankSigners), {}, (settings, b) => union(settings, {
  'Bank__Signers__${b.key}__BankName': b.value.bankName
  'Bank__Signers__${b.key}__BranchAddress': b.value.branchAddress
  'Bank__Signers__${b.key}__Officer__Id': b.value.officer.id
  'Bank__Signers__${b.key}__Officer__Name': b.value.officer.name
  'Bank__Signers__${b.key}__Officer__Email': b.value.officer.email
  'Bank__Signers__${b.key}__Officer__Title': b.value.officer.title
  'Bank__Signers__${b.key}__Officer__Organization': b.value.officer.organization
}))

var opdSignerSettings = reduce(items(opdSigners), {}, (settings, o) => union(settings, {
  'Opd__Signers__${o.key}__Id': o.value.id
  'Opd__Signers__${o.key}__Name': o.value.name
  'Opd__Signers__${o.key}__Email': o.value.email
  'Opd__Signers__${o.key}__Title': o.value.title
  'Opd__Signers__${o.key}__Organization': o.value.organization
}))

var smtpPasswordSettings = empty(smtpPasswordSecretUri)
  ? {}
  : { Notifications__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})' }

// The agreement is signed with a key that never leaves Key Vault (the app calls the vault's sign operation as its identity).
var agreementSigningSettings = union(
  empty(agreementSigningKeyId) ? {} : { Signing__Certificate__KeyVaultKeyId: agreementSigningKeyId, Signing__Certificate__ClientId: identityClientId },
  empty(signingTimestampUrl) ? {} : { Signing__TimestampUrl: signingTimestampUrl })

var previousKeysSettings = empty(previousSigningKeysSecretUri)
  ? {}
  : { Links__PreviousSigningKeys: '@Microsoft.KeyVault(SecretUri=${previousSigningKeysSecretUri})' }

var baseSettings = {
  // Functions host and Durable Task (Azure Storage backend) with identity-based connections:
  // <connection>__accountName + __credential=managedidentity + __clientId instead of a connection string.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // Host keys (the admin key is host--functionKey--default) live in their own Key Vault, written by the host.
  AzureWebJobsSecretStorageType: 'keyvault'
  AzureWebJobsSecretStorageKeyVaultUri: hostKeysVaultUri
  AzureWebJobsSecretStorageKeyVaultClientId: identityClientId
  // DefaultAzureCredential in the worker picks the user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  TASKHUB_NAME: taskHubName
  // host.json override: extensions.durableTask.storageProvider.maxQueuePollingInterval.
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval: maxQueuePollingInterval
  REMINDERS_SCHEDULE: remindersSchedule
  Reminders__Schedule: remindersSchedule
  RETENTION_SCHEDULE: retentionSchedule
  Retention__Schedule: retentionSchedule
  Links__BaseUrl: empty(linksBaseUrl) ? 'https://${app.properties.defaultHostName}' : linksBaseUrl
  Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${linksSigningKeySecretUri})'
  Admin__ApiKey: '@Microsoft.KeyVault(SecretUri=${adminApiKeySecretUri})'
  // The app's own Blob/Table clients: StorageClients builds ManagedIdentityCredential clients from the
  // Storage__*ServiceUri/__credential/__clientId settings; the connection string carries endpoints only.
  Storage__ConnectionString: 'BlobEndpoint=${blobEndpoint};QueueEndpoint=${queueEndpoint};TableEndpoint=${tableEndpoint}'
  Storage__blobServiceUri: blobEndpoint
  Storage__tableServiceUri: tableEndpoint
  Storage__credential: 'managedidentity'
  Storage__clientId: identityClientId
  Notifications__Smtp__Host: smtpHost
  Notifications__Smtp__Port: string(smtpPort)
  Notifications__Smtp__User: smtpUser
  Notifications__Smtp__From: smtpFrom
  Notifications__Smtp__Security: smtpSecurity
  Workflow__ReviewWorkingDays: string(workflow.reviewWorkingDays)
  Workflow__SigningWorkingDays: string(workflow.signingWorkingDays)
  Workflow__DocumentsWorkingDays: string(workflow.documentsWorkingDays)
  Workflow__EscalationWorkingDays: string(workflow.escalationWorkingDays)
  Workflow__ReminderLeadTime: workflow.reminderLeadTime
  Workflow__MaxRevisionRounds: string(workflow.maxRevisionRounds)
  Signing__Order: signing.order
  Signing__Mode: signing.mode
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(baseSettings, smtpPasswordSettings, previousKeysSettings, agreementSigningSettings, opdSettings, opdSignerSettings, bankSignerSettings)
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output uri string = 'https://${app.properties.defaultHostName}'

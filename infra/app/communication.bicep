// Azure Communication Services Email: the app sends through its SMTP endpoint (smtp.azurecomm.net:587,
// STARTTLS) with MailKit. SMTP authentication is an Entra application: its client secret is the SMTP
// password (Key Vault), the smtpUsernames resource below names the SMTP user, and the application's service
// principal gets the minimal role that SMTP sending needs on this resource. Creating the application
// registration itself is a Graph operation, done once outside Bicep (infra/README.md).
@description('Email Communication Services resource name.')
param emailServiceName string

@description('Communication Services resource name.')
param communicationServiceName string

@description('Tags for the resources.')
param tags object

@description('Where ACS keeps the data at rest (a geography, not a region).')
param dataLocation string = 'Asia Pacific'

@description('Client (application) id of the Entra application that authenticates SMTP; empty = SMTP not configured yet.')
param smtpEntraApplicationId string = ''

@description('Object id of that application\'s service principal (for its role assignment); empty = none.')
param smtpServicePrincipalId string = ''

@description('The SMTP user name (Notifications:Smtp:User).')
param smtpUsername string = 'umkmcredit'

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

// An Azure-managed sender domain (DoNotReply@<guid>.azurecomm.net): works at once. A custom domain
// (e.g. umkmcredit.kaltaraprov.go.id) needs DNS verification and can replace it later.
resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
  }
}

resource smtpUser 'Microsoft.Communication/communicationServices/smtpUsernames@2024-09-01-preview' = if (!empty(smtpEntraApplicationId)) {
  parent: communicationService
  name: smtpUsername
  properties: {
    username: smtpUsername
    entraApplicationId: smtpEntraApplicationId
    tenantId: tenant().tenantId
  }
}

// The smallest role SMTP authentication accepts: read the Communication resource and send through it.
resource smtpSenderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'umkmcredit-acs-smtp-sender')
  properties: {
    roleName: 'UmkmCredit ACS SMTP sender (${resourceGroup().name})'
    description: 'Send e-mail through the Azure Communication Services SMTP endpoint.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/CommunicationServices/Write'
          'Microsoft.Communication/EmailServices/write'
        ]
      }
    ]
  }
}

// SMTP sender: the Entra application behind Notifications:Smtp:User may send through this resource only.
resource smtpSenderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(smtpServicePrincipalId)) {
  name: guid(communicationService.id, smtpServicePrincipalId, smtpSenderRole.id)
  scope: communicationService
  properties: {
    roleDefinitionId: smtpSenderRole.id
    principalId: smtpServicePrincipalId
    principalType: 'ServicePrincipal'
  }
}

output communicationServiceName string = communicationService.name
output communicationServiceId string = communicationService.id
output smtpHost string = 'smtp.azurecomm.net'
output smtpPort int = 587
output senderAddress string = 'UmkmCredit <DoNotReply@${domain.properties.mailFromSenderDomain}>'

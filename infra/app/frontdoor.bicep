// Optional Azure Front Door (Standard) in front of the Function App, with a WAF policy whose rate-limit rules
// apply the hardening issue's per-address limits at the edge (the Functions host has no ASP.NET rate limiter).
// The app then accepts traffic only from this Front Door profile (service tag + X-Azure-FDID header).
// Per-NIK and per-link limits need the request body or the token and stay with the app (infra/README.md).
@description('Front Door profile name.')
param name string

@description('Tags for the resources.')
param tags object

@description('Function App name (origin).')
param functionAppName string

@description('Function App default host name.')
param functionAppHostName string

@description('Submissions (POST /api/applications) per client address per minute.')
param submissionsPerMinute int = 10

@description('OTP requests (POST .../otp) per client address per minute.')
param otpPerMinute int = 5

@description('All other /api requests per client address per minute.')
param requestsPerMinute int = 300

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: name
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'functions'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    healthProbeSettings: {
      probePath: '/api/health'
      probeRequestType: 'GET'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 120
    }
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: originGroup
  name: 'function-app'
  properties: {
    hostName: functionAppHostName
    originHostHeader: functionAppHostName
    httpsPort: 443
    priority: 1
    weight: 1000
    enforceCertificateNameCheck: true
  }
}

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'all'
  properties: {
    originGroup: {
      id: originGroup.id
    }
    supportedProtocols: [
      'Https'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    patternsToMatch: [
      '/*'
    ]
    linkToDefaultDomain: 'Enabled'
  }
  dependsOn: [
    origin
  ]
}

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: replace('waf${name}', '-', '')
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      customBlockResponseStatusCode: 429
    }
    customRules: {
      rules: [
        {
          name: 'SubmissionsPerAddress'
          priority: 10
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: submissionsPerMinute
          action: 'Block'
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestMethod'
              operator: 'Equal'
              matchValue: [
                'POST'
              ]
            }
            {
              matchVariable: 'RequestUri'
              operator: 'EndsWith'
              transforms: [
                'Lowercase'
              ]
              matchValue: [
                '/api/applications'
              ]
            }
          ]
        }
        {
          name: 'OtpPerAddress'
          priority: 20
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: otpPerMinute
          action: 'Block'
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              transforms: [
                'Lowercase'
              ]
              matchValue: [
                '/otp'
              ]
            }
          ]
        }
        {
          name: 'RequestsPerAddress'
          priority: 30
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: requestsPerMinute
          action: 'Block'
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              matchValue: [
                '/api/'
              ]
            }
          ]
        }
      ]
    }
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-02-01' = {
  parent: profile
  name: 'rate-limits'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: waf.id
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// Only this Front Door profile may reach the app: the limits cannot be bypassed through *.azurewebsites.net.
resource appAccess 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'web'
  properties: {
    minTlsVersion: '1.2'
    ftpsState: 'Disabled'
    ipSecurityRestrictionsDefaultAction: 'Deny'
    ipSecurityRestrictions: [
      {
        name: 'front-door-only'
        action: 'Allow'
        priority: 100
        tag: 'ServiceTag'
        ipAddress: 'AzureFrontDoor.Backend'
        headers: {
          'x-azure-fdid': [
            profile.properties.frontDoorId
          ]
        }
      }
    ]
  }
}

output endpointHostName string = endpoint.properties.hostName
output frontDoorId string = profile.properties.frontDoorId

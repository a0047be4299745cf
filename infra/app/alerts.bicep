// Alerts on Application Insights (log queries) to an action group that mails the operators:
// failed orchestrations, a 5xx rate, the reminder sweep not running, and reviews that went overdue.
@description('Application Insights component resource id.')
param applicationInsightsId string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Action group name.')
param actionGroupName string

@description('Operators\' e-mail address for alerts; empty = the action group has no receiver.')
param alertEmail string = ''

@description('NCRONTAB of the reminder sweep; the "not running" alert allows two missed runs of a 15-minute schedule.')
param sweepWindow string = 'PT1H'

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'umkmcredit'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var alerts = [
  {
    name: 'failed-orchestrations'
    description: 'An orchestration (application workflow) failed: the application is stuck until someone looks.'
    severity: 1
    window: 'PT15M'
    // The Durable extension logs "... Function '<name> (Orchestrator)' failed ..." under Host.Triggers.DurableTask.
    query: 'traces | where customDimensions.Category startswith "Host.Triggers.DurableTask" and message has "(Orchestrator)" and message has "failed" | summarize failures = count()'
    column: 'failures'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'http-5xx-rate'
    description: 'More than 5 % of requests answered 5xx over 15 minutes (at least 20 requests).'
    severity: 2
    window: 'PT15M'
    query: 'requests | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where total >= 20 | extend ratePercent = 100.0 * failed / total | project ratePercent'
    column: 'ratePercent'
    operator: 'GreaterThan'
    threshold: 5
  }
  {
    name: 'reminder-sweep-not-running'
    description: 'The reminder sweep (ReminderSweep timer) logged no run: reminders, escalations and recovery stop.'
    severity: 2
    window: sweepWindow
    query: 'traces | where message startswith "Reminder sweep:" | summarize runs = count()'
    column: 'runs'
    operator: 'LessThan'
    threshold: 1
  }
  {
    name: 'overdue-reviews'
    description: 'A review passed its deadline and was escalated to the supervisor.'
    severity: 3
    window: 'PT1H'
    query: 'traces | where message has "Eskalasi: penilaian permohonan" | summarize overdue = count()'
    column: 'overdue'
    operator: 'GreaterThan'
    threshold: 0
  }
]

resource rules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for alert in alerts: {
    name: alert.name
    location: location
    tags: tags
    properties: {
      displayName: alert.name
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        applicationInsightsId
      ]
      evaluationFrequency: alert.window == 'PT15M' ? 'PT5M' : 'PT15M'
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Total'
            metricMeasureColumn: alert.column
            operator: alert.operator
            threshold: alert.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

output actionGroupId string = actionGroup.id

// A monthly cost budget on the resource group: mails at 80 % of actual and 100 % of forecast spend.
@description('Budget name.')
param name string

@description('Monthly amount in the billing currency.')
@minValue(1)
param amount int

@description('First day of the first budget month (yyyy-MM-01). Keep it stable: a budget\'s start date cannot move.')
param startDate string

@description('Who receives the budget mails; empty = the resource group\'s Owners only (contactRoles).')
param contactEmails string[] = []

resource budget 'Microsoft.Consumption/budgets@2023-05-01' = {
  name: name
  properties: {
    category: 'Cost'
    amount: amount
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: startDate
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: contactEmails
        contactRoles: [
          'Owner'
        ]
      }
      forecast100: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: contactEmails
        contactRoles: [
          'Owner'
        ]
      }
    }
  }
}

// FeedbackBot on Azure: the app on Container Apps, PostgreSQL Flexible Server, Key Vault for every secret,
// and the Azure Bot resource with the Microsoft Teams channel pointing at the app's /api/messages.
// az deployment group create -g RG -f infra/azure/main.bicep -p @infra/azure/main.parameters.example.json

targetScope = 'resourceGroup'

@description('Prefix of every resource name.')
param name string = 'feedbackbot'

param location string = resourceGroup().location

@description('The bot image, e.g. myregistry.azurecr.io/feedbackbot:1.0.0 (built from infra/docker/Dockerfile).')
param image string

@description('The Entra ID app registration (client) id of the bot.')
param botAppId string

@description('The Entra ID tenant of the bot registration (single-tenant bots).')
param botTenantId string = subscription().tenantId

@secure()
@description('The app registration\'s client secret (Teams:AppPassword).')
param botAppPassword string

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'feedbackbot'

@secure()
param postgresAdminPassword string

// Key Vault refuses an empty secret, so these two are required; the bot accepts any value of this length.
@secure()
@minLength(16)
@description('Shared secret of POST /api/interactions (Webhooks:Secret).')
param webhooksSecret string

@secure()
@minLength(12)
@description('Password of the /admin/jobs dashboard (Admin:Password).')
param adminPassword string

var databaseName = 'feedbackbot'
var botPort = 8080
var appFqdn = '${name}-app.${environment.properties.defaultDomain}'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Container Apps' outbound addresses are not fixed on the consumption plan; this rule admits Azure services only.
resource postgresFirewall 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}-kv-${uniqueString(resourceGroup().id)}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'teams-app-password'
  properties: { value: botAppPassword }
}

resource webhooksSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'webhooks-secret'
  properties: { value: webhooksSecret }
}

resource adminPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'admin-password'
  properties: { value: adminPassword }
}

// Key Vault Secrets User, so the app reads the secrets with its identity and no secret sits in its definition.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-app'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ secretsUser, database ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: {
        external: true
        targetPort: botPort
        transport: 'http'
      }
      secrets: [
        { name: 'connection-string', keyVaultUrl: connectionStringSecret.properties.secretUri, identity: identity.id }
        { name: 'teams-app-password', keyVaultUrl: botPasswordSecret.properties.secretUri, identity: identity.id }
        { name: 'webhooks-secret', keyVaultUrl: webhooksSecretValue.properties.secretUri, identity: identity.id }
        { name: 'admin-password', keyVaultUrl: adminPasswordSecret.properties.secretUri, identity: identity.id }
      ]
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          args: [ 'serve' ]
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            { name: 'Database__Provider', value: 'Postgres' }
            { name: 'ConnectionStrings__Feedback', secretRef: 'connection-string' }
            { name: 'ASPNETCORE_HTTP_PORTS', value: string(botPort) }
            { name: 'Reports__BaseUrl', value: 'https://${appFqdn}' }
            { name: 'Teams__AppId', value: botAppId }
            { name: 'Teams__TenantId', value: botTenantId }
            { name: 'Teams__AppPassword', secretRef: 'teams-app-password' }
            { name: 'Webhooks__Secret', secretRef: 'webhooks-secret' }
            { name: 'Admin__Password', secretRef: 'admin-password' }
            { name: 'Logging__Console__FormatterName', value: 'json' }
            // The app is reached only through the environment's ingress, which sets X-Forwarded-For and
            // X-Forwarded-Proto: per-address limits count the real client, and the admin page sees HTTPS.
            { name: 'RateLimits__TrustForwardedFor', value: 'true' }
          ]
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: botPort }
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: botPort }
              periodSeconds: 5
            }
          ]
        }
      ]
      // serve migrates under a lock before it listens, so the first replica migrates and the second waits.
      scale: {
        minReplicas: 2
        maxReplicas: 4
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'FeedbackBot'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output appUrl string = 'https://${app.properties.configuration.ingress.fqdn}'
output messagingEndpoint string = bot.properties.endpoint
output keyVaultName string = vault.name

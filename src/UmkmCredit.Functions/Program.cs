using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UmkmCredit.Api;
using UmkmCredit.Functions.Platform;

var builder = FunctionsApplication.CreateBuilder(args);
UmkmCredit.Infrastructure.Configuration.SecretsStartup.EnforceUmkmCreditSecrets(builder); // refuses unsafe keys / mail outside Development
builder.ConfigureFunctionsWebApplication();
builder.Services.AddUmkmCreditApplication();
builder.Services.AddUmkmCreditTelemetry(builder.Configuration, "umkmcredit-functions");
builder.Services.AddHostedService<StorageInitializer>();

// The worker-side engine logs ~160 lines per flow at Information (host-side categories: host.json).
builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);

builder.Build().Run();

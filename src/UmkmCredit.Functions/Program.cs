using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UmkmCredit.Api;
using UmkmCredit.Infrastructure;

var builder = FunctionsApplication.CreateBuilder(args);
UmkmCredit.Infrastructure.Configuration.SecretsStartup.EnforceUmkmCreditSecrets(builder); // refuses unsafe keys / mail outside Development
builder.ConfigureFunctionsWebApplication();
builder.Services.AddUmkmCreditInfrastructure();
builder.Services.AddUmkmCreditApplication();
builder.Services.AddScoped<UmkmCredit.Functions.Workflow.FunctionsEngineClient>();
builder.Services.AddScoped<UmkmCredit.Workflow.Ports.IEngineClientSource>(sp => sp.GetRequiredService<UmkmCredit.Functions.Workflow.FunctionsEngineClient>());
builder.Services.AddUmkmCreditTelemetry(builder.Configuration, "umkmcredit-functions");

// The worker-side engine logs ~160 lines per flow at Information (host-side categories: host.json).
builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);

builder.Build().Run();

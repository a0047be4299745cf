using UmkmCredit.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddUmkmCreditServer();

var app = builder.Build();
app.MapUmkmCreditApi();
app.Run();

/// <summary>Entry point (public for the test host).</summary>
public partial class Program;

using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.Connections;

namespace AslOnDurable.Runtime.Tests.Integrations;

public sealed class IntegrationsConfigurationReaderTests
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal) { ["API_KEY"] = "from-env" };

    private static IntegrationsConfiguration Read(string json) =>
        new IntegrationsConfigurationReader(name => Environment.TryGetValue(name, out string? value) ? value : null).Read(json);

    [Fact]
    public void Read_EveryAuthorizationType_ReadsConnections()
    {
        IntegrationsConfiguration configuration = Read("""
            {"connections": {
              "key": {"authorization": {"type": "API_KEY", "apiKeyName": "x-api-key", "apiKeyValue": {"env": "API_KEY"}}, "headers": {"x-tenant": "t1"}, "timeoutSeconds": 5},
              "basic": {"authorization": {"type": "BASIC", "username": "u", "password": "p"}, "allowPrivateNetwork": true},
              "oauth": {"authorization": {"type": "OAUTH_CLIENT_CREDENTIALS", "authorizationEndpoint": "https://login.example.com/token", "clientId": "c", "clientSecret": "s", "scope": "api"}},
              "none": {"authorization": {"type": "NONE"}, "queryParameters": {"code": "q"}, "bodyParameters": {"client_secret": {"env": "API_KEY"}}}}}
            """);

        ApiKeyAuthorization key = Assert.IsType<ApiKeyAuthorization>(configuration.Connections["key"].Authorization);
        Assert.Equal("from-env", key.Value.Reveal());
        Assert.Equal(TimeSpan.FromSeconds(5), configuration.Connections["key"].Timeout);
        Assert.Equal("t1", Assert.Single(configuration.Connections["key"].Headers).Value.Reveal());
        Assert.True(configuration.Connections["basic"].AllowPrivateNetwork);
        Assert.Equal("api", Assert.IsType<OAuthClientCredentialsAuthorization>(configuration.Connections["oauth"].Authorization).Scope);
        Assert.IsType<NoAuthorization>(configuration.Connections["none"].Authorization);
        var body = Assert.Single(configuration.Connections["none"].BodyParameters);
        Assert.Equal(("client_secret", "from-env"), (body.Key, body.Value.Reveal()));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOneWithItsPointer()
    {
        IntegrationsConfigurationException e = Assert.Throws<IntegrationsConfigurationException>(() => Read("""
            {"connections": {
              "a": {"authorization": {"type": "API_KEY", "apiKeyName": "x"}},
              "b": {"authorization": {"type": "BASIC", "username": "u", "password": {"env": "MISSING"}}},
              "c": {"authorization": {"type": "KERBEROS"}},
              "d": {"timeoutSeconds": 0},
              "bad name!": {"authorization": {"type": "NONE"}}},
             "lambdas": {}}
            """));

        Assert.Contains(e.Problems, p => p.StartsWith("/connections/a/authorization/apiKeyValue: required", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("/connections/b/authorization/password: the environment variable (app setting) 'MISSING' is not set", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("/connections/c/authorization/type: unknown authorization type 'KERBEROS'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("/connections/d/timeoutSeconds:", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("/connections/d: 'authorization' is required", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("/connections/bad name!: a connection name", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("/lambdas: unknown section", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"connections": []}""")]
    [InlineData("""{"connections": {"a": {"authorization": {"type": "OAUTH_CLIENT_CREDENTIALS", "authorizationEndpoint": "ftp://x", "clientId": "c", "clientSecret": "s"}}}}""")]
    [InlineData("""{"connections": {"a": {"authorization": {"type": "NONE", "extra": 1}}}}""")]
    [InlineData("""{"connections": {"a": {"authorization": {"type": "NONE"}, "bodyParameters": ["x"]}}}""")]
    public void Read_Invalid_Throws(string json) =>
        Assert.Throws<IntegrationsConfigurationException>(() => Read(json));

    [Fact]
    public void Secret_ToString_IsMasked()
    {
        Secret secret = new("hunter2");

        Assert.Equal("***", secret.ToString());
        Assert.DoesNotContain("hunter2", new BasicAuthorization("u", secret).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:events:us-east-1:123456789012:connection/key/0b1c2d3e-aaaa-bbbb-cccc-123456789012", true)]
    [InlineData("arn:aws:events:eu-west-1:123456789012:connection/key", true)]
    [InlineData("key", true)]
    [InlineData("arn:aws:events:us-east-1:123456789012:connection/other/1", false)]
    public void TryGetConnection_ArnOrName_MatchesByName(string arn, bool found)
    {
        IntegrationsConfiguration configuration = Read("""{"connections": {"key": {"authorization": {"type": "NONE"}}}}""");

        Assert.Equal(found, configuration.TryGetConnection(arn, out _));
    }

    [Fact]
    public void Load_Settings_JsonSettingThenFileThenEmpty()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"connections": {"f": {"authorization": {"type": "NONE"}}}}""");
            Dictionary<string, string> settings = new(StringComparer.Ordinal) { [IntegrationsSettings.FileSetting] = file };

            Assert.True(IntegrationsSettings.Load(n => settings.GetValueOrDefault(n)).Connections.ContainsKey("f"));
            settings[IntegrationsSettings.JsonSetting] = """{"connections": {"j": {"authorization": {"type": "NONE"}}}}""";
            Assert.True(IntegrationsSettings.Load(n => settings.GetValueOrDefault(n)).Connections.ContainsKey("j"));
            Assert.Empty(IntegrationsSettings.Load(_ => null).Connections);
            Assert.Throws<IntegrationsConfigurationException>(() => IntegrationsSettings.ReadFile(file + ".missing", _ => null));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

namespace Cfc.Client.Tests.EndToEnd;

public sealed class FabricJsonEndToEndTests(FabricJsonFixture fixture) : ApiEndToEndTests<FabricJsonFixture>(fixture);

public sealed class FabricCborEndToEndTests(FabricCborFixture fixture) : ApiEndToEndTests<FabricCborFixture>(fixture);

public sealed class FabricMessagePackEndToEndTests(FabricMessagePackFixture fixture) : ApiEndToEndTests<FabricMessagePackFixture>(fixture);

public sealed class LegacyJsonEndToEndTests(LegacyJsonFixture fixture) : ApiEndToEndTests<LegacyJsonFixture>(fixture);

public sealed class LegacyCborEndToEndTests(LegacyCborFixture fixture) : ApiEndToEndTests<LegacyCborFixture>(fixture);

public sealed class LegacyMessagePackEndToEndTests(LegacyMessagePackFixture fixture) : ApiEndToEndTests<LegacyMessagePackFixture>(fixture);

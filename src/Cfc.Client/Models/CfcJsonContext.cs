using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cfc.Client;

/// <summary>
/// The source-generated JSON metadata for every CFC model (no reflection, AOT-safe). Wire names are snake_case;
/// unknown fields land in <see cref="CfcObject.ExtensionData"/>. Numbers may come as strings, and every
/// <see cref="DateTimeOffset"/> reads ISO 8601 or a number since the epoch (<see cref="CfcTimestampConverter"/>).
/// Models are read through <see cref="CfcModelReader"/>, which leaves a field that does not fit <see langword="null"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(CfcTimestampConverter), typeof(CfcStringConverter)])]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<long>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<string>>))]
[JsonSerializable(typeof(IReadOnlyList<TraceRecord>))]
[JsonSerializable(typeof(ContainerComponent))]
[JsonSerializable(typeof(ContainerComponentStarted))]
[JsonSerializable(typeof(ContainerComponentStopped))]
[JsonSerializable(typeof(DockerContainer))]
[JsonSerializable(typeof(DockerContainerStarted))]
[JsonSerializable(typeof(DockerContainerStopped))]
[JsonSerializable(typeof(DockerImage))]
[JsonSerializable(typeof(DockerImageRemoved))]
[JsonSerializable(typeof(DockerImageUpdated))]
[JsonSerializable(typeof(DockerStatus))]
[JsonSerializable(typeof(ManagementRealmInfo))]
[JsonSerializable(typeof(ManagementRealmStatus))]
[JsonSerializable(typeof(MetaIdLists))]
[JsonSerializable(typeof(MetaRegistrationDetails))]
[JsonSerializable(typeof(MetaSessionDetails))]
[JsonSerializable(typeof(MetaSubscriptionDetails))]
[JsonSerializable(typeof(NodeInfo))]
[JsonSerializable(typeof(NodePaired))]
[JsonSerializable(typeof(NodeShutdown))]
[JsonSerializable(typeof(NodeStatus))]
[JsonSerializable(typeof(NodeUnpaired))]
[JsonSerializable(typeof(ProfilerStarted))]
[JsonSerializable(typeof(ProxyTransport))]
[JsonSerializable(typeof(ProxyTransportStarted))]
[JsonSerializable(typeof(ProxyTransportStopped))]
[JsonSerializable(typeof(RealmCreating))]
[JsonSerializable(typeof(RealmDeleted))]
[JsonSerializable(typeof(RealmDeleting))]
[JsonSerializable(typeof(RoleGranted))]
[JsonSerializable(typeof(RoleRevoked))]
[JsonSerializable(typeof(RouterComponent))]
[JsonSerializable(typeof(RouterComponentStarted))]
[JsonSerializable(typeof(RouterComponentStopped))]
[JsonSerializable(typeof(RouterRealm))]
[JsonSerializable(typeof(RouterRealmRole))]
[JsonSerializable(typeof(RouterRealmRoleStarted))]
[JsonSerializable(typeof(RouterRealmRoleStopped))]
[JsonSerializable(typeof(RouterRealmStarted))]
[JsonSerializable(typeof(RouterRealmStarting))]
[JsonSerializable(typeof(RouterRealmStopped))]
[JsonSerializable(typeof(RouterTrace))]
[JsonSerializable(typeof(RouterTraceStarted))]
[JsonSerializable(typeof(RouterTraceStopped))]
[JsonSerializable(typeof(RouterTransport))]
[JsonSerializable(typeof(RouterTransportStarted))]
[JsonSerializable(typeof(RouterTransportStopped))]
[JsonSerializable(typeof(SystemStatus))]
[JsonSerializable(typeof(TraceRecord))]
[JsonSerializable(typeof(TransportPath))]
[JsonSerializable(typeof(TransportPathStarted))]
[JsonSerializable(typeof(TransportPathStopped))]
[JsonSerializable(typeof(WorkerInfo))]
[JsonSerializable(typeof(WorkerShutdown))]
[JsonSerializable(typeof(WorkerStarted))]
[JsonSerializable(typeof(WorkerStatus))]
[JsonSerializable(typeof(WorkerStopped))]
[JsonSerializable(typeof(TickEvent))]
[JsonSerializable(typeof(DomainVersion))]
[JsonSerializable(typeof(DomainLicense))]
[JsonSerializable(typeof(NodeLiveness))]
public sealed partial class CfcJsonContext : JsonSerializerContext;

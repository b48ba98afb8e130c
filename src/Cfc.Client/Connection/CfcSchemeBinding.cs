using Cfc.Client.Master;
using Cfc.Client.Uris;

namespace Cfc.Client.Connection;

/// <summary>
/// What a scheme decides for every typed call and event: its URI table and, for <see cref="CfcUriScheme.CrossbarMaster"/>,
/// the adapter. Fixed when the client is made with a named scheme; under <see cref="CfcUriScheme.Auto"/> set once, at connect.
/// </summary>
/// <param name="Uris">The scheme's URI table.</param>
/// <param name="Master">The CrossbarMaster adapter, or <see langword="null"/> for the document schemes.</param>
internal sealed record CfcSchemeBinding(ICfcUriTable Uris, MasterAdapter? Master);

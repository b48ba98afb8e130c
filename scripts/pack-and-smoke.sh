#!/usr/bin/env bash
# Packs every packable project under src/ into artifacts/packages (with symbols, deterministic, CI paths), checks
# what each package carries, then runs the consumer smoke test: a new app in a temp dir, outside the solution,
# restores the packages from that folder together with Microsoft.Extensions.* 10.0.0, builds with warnings as
# errors and runs against the fake CFC (scripts/smoke/Program.cs). Prints "pack-and-smoke: ok" or fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/artifacts/packages"
cache="$root/artifacts/smoke-nuget"     # the smoke app's own package cache: a stale Cfc.* from an earlier run never wins
rm -rf "$out"
mkdir -p "$out" "$cache"

fail() { echo "pack-and-smoke: FAILED: $*" >&2; exit 1; }

# 1. Pack every packable project (new ones, like a .NET tool, are picked up without editing this script).
mapfile -t projects < <(find src -name '*.csproj' | sort)
packed=()
for project in "${projects[@]}"; do
  packable=$(dotnet msbuild "$project" -getProperty:IsPackable -p:Configuration=Release 2>/dev/null | tr -d '[:space:]')
  [ "$packable" = "true" ] || continue
  echo "packing $project"
  dotnet pack "$project" -c Release -o "$out" -p:ContinuousIntegrationBuild=true -nologo -v:q >/dev/null || fail "dotnet pack $project"
  packed+=("$(basename "$project" .csproj)")
done
[ "${#packed[@]}" -gt 0 ] || fail "no packable project found"
version=$(dotnet msbuild src/Cfc.Client/Cfc.Client.csproj -getProperty:Version | tr -d '[:space:]')

# 2. Check each package: symbols, README for the package page (no relative links), icon, release notes,
#    exact versions between our packages, Microsoft.Extensions floors at 10.0.x, no build-machine paths.
for id in "${packed[@]}"; do
  nupkg="$out/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "$nupkg missing"
  [ -f "$out/$id.$version.snupkg" ] || fail "$id has no symbols package (.snupkg)"
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  for tag in '<readme>README.md</readme>' '<icon>icon.png</icon>' '<releaseNotes>' '<repository type="git"'; do
    grep -qF "$tag" <<<"$nuspec" || fail "$id: nuspec lacks $tag"
  done
  readme=$(unzip -p "$nupkg" README.md)
  if grep -qP '\]\((?!https?://|#)' <<<"$readme"; then fail "$id: README.md has a relative link (it breaks on the package page)"; fi
  while read -r dep; do
    [ -n "$dep" ] || continue
    grep -qF 'version="['"$version"']"' <<<"$dep" || fail "$id: $dep is not pinned to [$version]"
  done < <(grep -oE '<dependency id="Cfc\.[^"]*" version="[^"]*"' <<<"$nuspec" || true)
  if grep -qE '<dependency id="Microsoft\.Extensions\.[^"]*" version="1[1-9]\.' <<<"$nuspec"; then
    fail "$id: a Microsoft.Extensions dependency above 10.0.x: $(grep -oE '<dependency id="Microsoft\.Extensions\.[^"]*" version="[^"]*"' <<<"$nuspec" | tr '\n' ' ')"
  fi
  for dll in $(unzip -Z1 "$nupkg" | grep -E '\.dll$'); do
    if unzip -p "$nupkg" "$dll" | grep -aq "$root"; then fail "$id: $dll embeds the build machine's path $root"; fi
  done
  unzip -p "$out/$id.$version.snupkg" '*.pdb' >/dev/null 2>&1 || fail "$id: the symbols package has no PDB"
  echo "  $id $version: nupkg + snupkg, README, icon, release notes, dependencies ok"
done

# 3. The consumer app, in a temp dir outside the solution (no Directory.Build.props or central versions apply).
app=$(mktemp -d)
trap 'rm -rf "$app"' EXIT
cp scripts/smoke/Program.cs scripts/smoke/appsettings.json "$app/"
cat >"$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="cfc-local" value="$out" />
  </packageSources>
  <config>
    <add key="globalPackagesFolder" value="$cache" />
  </config>
</configuration>
XML
cat >"$app/Smoke.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Cfc.Client.Hosting" Version="$version" />
    <PackageReference Include="Cfc.Client.Testing" Version="$version" />
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.0" />
    <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
  </ItemGroup>
  <ItemGroup>
    <None Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
  </ItemGroup>
</Project>
XML
rm -rf "$cache"/cfc.*
(cd "$app" && dotnet build -c Release -nologo -v:q -warnaserror) || fail "the consumer app did not restore or build with warnings as errors"
if ls "$app/bin/Release/net10.0/" | grep -q '^System.Diagnostics.DiagnosticSource.dll$'; then
  fail "the consumer app's output carries System.Diagnostics.DiagnosticSource.dll (a dependency floor above the framework)"
fi
(cd "$app/bin/Release/net10.0" && timeout 120 dotnet Smoke.dll) || fail "the consumer app failed against the fake CFC"
echo "pack-and-smoke: ok (${#packed[@]} packages: ${packed[*]})"

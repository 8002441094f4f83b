; Inno Setup script for PA Manager on Windows: a per-user install (no administrator rights), a
; Start menu entry, the .pabook file association, and an uninstaller that leaves books alone.
;
; Build on Windows, after the PyInstaller one-folder build (installer/README.md):
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\pa-manager.spec
;   ISCC.exe /DMyAppVersion=0.1.0 installer\windows\pa-manager.iss
; Output: dist\installer\pa-manager-VERSION-setup.exe
;
; Every Source: below must name something the build produces or the repository holds;
; tests/installer/test_inno_setup.py checks that (against a Linux build, where the .exe has no
; extension).

#define MyAppName "PA Manager"
#ifndef MyAppVersion
  #define MyAppVersion "0.0.0"
#endif
#define MyAppExeName "pa-manager.exe"
#define MyProgId "PAManager.Book"

[Setup]
; The AppId never changes: it is how a newer installer finds and replaces an older install.
AppId={{6C2B8F0E-4D71-4C39-9A57-2F1E0B9D7A44}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppPublisher=PA Manager contributors
DefaultDirName={autopf}\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
; Per user: installs under %LOCALAPPDATA%\Programs without a UAC prompt.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=pa-manager-{#MyAppVersion}-setup
SetupIconFile=pa-manager.ico
; The GNU GPL v3, shown before install (ofxtools, bundled, is GPL-3.0-only too).
LicenseFile=..\..\LICENSE
UninstallDisplayIcon={app}\{#MyAppExeName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ChangesAssociations=yes
; Code signing (see installer/README.md): SignTool=signtool

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder build: the program and its _internal folder.
Source: "..\..\dist\pa-manager\{#MyAppExeName}"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\dist\pa-manager\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "pa-manager.ico"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\src\pa_manager\reports\fonts\LICENSE-DejaVu.txt"; DestDir: "{app}\licences"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; IconFilename: "{app}\pa-manager.ico"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; IconFilename: "{app}\pa-manager.ico"; Tasks: desktopicon

[Registry]
; .pabook opens in PA Manager (per user: HKA is HKCU for a non-admin install). Only the
; association is removed on uninstall, never the books.
Root: HKA; Subkey: "Software\Classes\.pabook"; ValueType: string; ValueName: ""; ValueData: "{#MyProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pabook\OpenWithProgids"; ValueType: string; ValueName: "{#MyProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#MyProgId}"; ValueType: string; ValueName: ""; ValueData: "PA Manager book"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#MyProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\pa-manager.ico,0"
Root: HKA; Subkey: "Software\Classes\{#MyProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#MyAppExeName}"" ""%1"""

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchProgram,{#MyAppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: books (.pabook, .pabook.keys, backups) live wherever the person saved
; them, and settings under %APPDATA%; the uninstaller removes only what [Files] installed.

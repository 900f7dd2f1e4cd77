; Inno Setup 6 script: the per-user Windows installer of coordinator-app.
;
; Made from the one-folder build (python resources\packaging\build.py -> dist\coordinator-app):
;     iscc resources\packaging\windows\coordinator-app.iss
;     iscc /DAppVersion=0.2.0 resources\packaging\windows\coordinator-app.iss
; -> dist\installer\coordinator-app-setup-<version>.exe
;
; Per user, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\coordinator-app, the Start-menu entry to the user's own
; Start menu. The data folder is the one the app uses, %LOCALAPPDATA%\coordinator-app
; (storage: user data folder, LocalAppData, not Roaming); it is made empty here and is
; never removed by the uninstaller — records are never deleted silently. The database
; file itself is made by the app on first start (or by `coordinator-app init`).
; This file is UTF-8 with a byte-order mark (Inno Setup reads the Japanese text so).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\..\dist\coordinator-app"
#endif
#define AppName "コーディネーターアプリ"
#define WindowExe "coordinator-app-window.exe"

[Setup]
; The AppId ties upgrades and the uninstaller to this app: never change it.
AppId={{6F0C2A8E-3B7D-4E51-9A2C-C0A7D1E5B822}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=coordinator-app
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\coordinator-app
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\..\dist\installer
OutputBaseFilename=coordinator-app-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#WindowExe}
UninstallDisplayName={#AppName}
; The app holds its database open: ask to close it before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "デスクトップにショートカットを作る"; Flags: unchecked

[Files]
; The whole one-folder build; files left from an older version are removed first
; ([InstallDelete]) so a module dropped from the app cannot linger in _internal.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
; The per-user data folder; kept when the app is uninstalled.
Name: "{localappdata}\coordinator-app"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#WindowExe}"; WorkingDir: "{localappdata}\coordinator-app"; Comment: "社協支部コーディネーターのための記録・集計アプリ"
Name: "{group}\{#AppName}（デモ）"; Filename: "{app}\{#WindowExe}"; Parameters: "--demo"; WorkingDir: "{localappdata}\coordinator-app"; Comment: "デモ用のデータベースで開く（実際の記録とは別のファイル）"
Name: "{group}\データの保存フォルダー"; Filename: "{localappdata}\coordinator-app"
Name: "{group}\{#AppName} のアンインストール"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#WindowExe}"; WorkingDir: "{localappdata}\coordinator-app"; Tasks: desktopicon

[Run]
Filename: "{app}\{#WindowExe}"; Description: "{#AppName} を起動する"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer itself put in {app}; the data folder is not touched.
Type: filesandordirs; Name: "{app}\_internal"

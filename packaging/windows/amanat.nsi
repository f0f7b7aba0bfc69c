; Amanat's Windows installer: for one user, no administrator rights, into
; %LOCALAPPDATA%\Programs\Amanat, with a Start-menu entry and an uninstaller that removes the
; programs and nothing else: archives, wherever they are (even in this folder), stay.
; Compiled by packaging/package.py (`makensis -DSOURCE_DIR=... -DOUTFILE=... -DVERSION=...
; -DICON=... -DWINDOW_EXE=Amanat.exe`) from the frozen Windows folder.
Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!ifndef WINDOW_EXE
  !define WINDOW_EXE "Amanat.exe"
!endif
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Amanat"

Name "Amanat"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Amanat"
InstallDirRegKey HKCU "Software\Amanat" "InstallDir"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "Amanat"
VIAddVersionKey /LANG=1033 "FileDescription" "Amanat installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "GPL-3.0-or-later"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${WINDOW_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${SOURCE_DIR}/_internal/licences/Amanat-GPL-3.0-or-later.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; the language page offers the other.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Farsi"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SHORTCUT_NAME ${LANG_ENGLISH} "Amanat"
LangString SHORTCUT_NAME ${LANG_FARSI} "امانت"
LangString KEEPS_ARCHIVES ${LANG_ENGLISH} "Your archives are not removed. Amanat's programs are; archives stay where you keep them."
LangString KEEPS_ARCHIVES ${LANG_FARSI} "بایگانی‌های شما پاک نمی‌شوند. فقط برنامهٔ امانت برداشته می‌شود و بایگانی‌ها همان‌جا که نگهشان می‌دارید می‌مانند."

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Amanat" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\$(SHORTCUT_NAME).lnk" "$INSTDIR\${WINDOW_EXE}"
  WriteRegStr HKCU "Software\Amanat" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Amanat"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${WINDOW_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Only what the installer put there is removed, by name. "RMDir" without /r removes the folder
; only when it is empty, so an archive or a portable amanat-data kept in it survives.
Section "Uninstall"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Amanat.exe"
  Delete "$INSTDIR\amanat-cli.exe"
  Delete "$INSTDIR\Amanat"
  Delete "$INSTDIR\amanat"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Amanat.lnk"
  Delete "$SMPROGRAMS\امانت.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Amanat"
  DetailPrint "$(KEEPS_ARCHIVES)"
SectionEnd

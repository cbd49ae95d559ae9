import PodiumCore
import PodiumJSON

/// What `initialize` answers: only what the server really does.
enum Capabilities {
  static func initializeResult(encoding: PositionEncoding) -> JSON {
    var capabilities: JSONObject = [
      "positionEncoding": .string(encoding.rawValue),
      "textDocumentSync": [
        "openClose": true,
        "change": 2,  // incremental
        "save": ["includeText": false],
      ],
      "workspace": [
        "workspaceFolders": ["supported": true, "changeNotifications": true]
      ],
      "experimental": [
        "podium": ["methods": .array(CustomMethods.all.map { .string($0) })]
      ],
    ]
    for (name, value) in EditorFeatures.capabilities { capabilities[name] = value }
    return [
      "capabilities": .object(capabilities),
      "serverInfo": ["name": "podium", "version": .string(PodiumVersion.current)],
    ]
  }
}

// PodiumAnalysis

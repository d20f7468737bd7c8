import { describeRuntime, loadContractNames } from './matrix'

describeRuntime('workerd', await loadContractNames())
